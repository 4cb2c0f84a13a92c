// Imported first by every renderer test: fills the gaps of jsdom (no layout, no modal dialogs)
// and resets the DOM and storage between tests.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has <dialog> but not its modal methods.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) return;
    this.open = true;
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
}

// The virtualizer scrolls with element.scrollTo; jsdom keeps scrollTop but lacks the method.
if (!Element.prototype.scrollTo) {
  Element.prototype.scrollTo = function scrollTo(this: Element, arg?: ScrollToOptions | number, y?: number) {
    const top = typeof arg === 'number' ? y : arg?.top;
    if (typeof top === 'number') this.scrollTop = top;
  } as Element['scrollTo'];
}

/**
 * jsdom lays nothing out, so every size is 0 and a virtual list would render next to nothing.
 * Give the message list a 600 px viewport and each message 60 px; tests that need scroll geometry
 * (the "new messages" pill) define scrollHeight/scrollTop on the element themselves.
 */
export const VIEWPORT_PX = 600;
export const MESSAGE_PX = 60;
const sized = (fallback: PropertyDescriptor | undefined, size: (el: HTMLElement) => number | undefined) => ({
  configurable: true,
  get(this: HTMLElement) {
    return size(this) ?? (fallback?.get?.call(this) as number);
  },
});
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', sized(clientHeight, (el) => (el.dataset.testid === 'message-list' ? VIEWPORT_PX : undefined)));
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', sized(offsetHeight, (el) => (el.dataset.testid === 'message' ? MESSAGE_PX : undefined)));

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
