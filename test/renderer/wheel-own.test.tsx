// The wheel turn that takes a following reader up is scrolled by the page itself (MessageList.tsx).
// Chromium scrolls a wheel on its compositor before the page's main thread has seen it; a render that ran in
// between (a burst's notice while the main thread was busy) wrote the list's scroll position (the pin to
// the end, or the virtualiser keeping a row in place), and Blink drops a compositor scroll that a script's
// scroll write overtakes: the reader's turn was lost and they stayed at the end (live-follow's wheel test,
// about one run in six under a loaded CI machine). The first turn up while following is now taken by a
// non-passive listener: the compositor waits for the page, the page lets go and scrolls the list there
// before any other script can run. Later turns (not following) scroll natively, smooth and unblocked.
import './setup';
import { createEvent, fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { followingList } from './list-at-end';
import { makeMessage } from './fixtures';
import { emit } from './render';

/** Dispatches a wheel event on the list; true when the page took it (its default action prevented). */
function wheel(list: HTMLElement, init: WheelEventInit): boolean {
  const event = createEvent.wheel(list, { cancelable: true, bubbles: true, ...init });
  fireEvent(list, event);
  return event.defaultPrevented;
}

it('the first wheel turn up while following is the page’s own: the list is there before any other script runs', async () => {
  const { fake, list } = await followingList();
  expect(wheel(list, { deltaY: -1500 }), 'left to the compositor').toBe(true);
  // At once, in the event itself: no frame, no scroll event yet.
  expect(list.scrollTop).toBe(900);
  // A burst's render before the scroll event does not pull the reader back, and counts what came.
  await emit(fake, 'message.created', makeMessage());
  expect(list.scrollTop).toBe(900);
  fireEvent.scroll(list);
  expect(screen.getByRole('button', { name: /1 new message/ })).toBeTruthy();
});

it('a turn in lines (deltaMode 1) or pages (2) moves as far as the browser would', async () => {
  let { list } = await followingList();
  expect(wheel(list, { deltaY: -3, deltaMode: 1 })).toBe(true);
  expect(list.scrollTop).toBe(2400 - 3 * 40);
  document.body.innerHTML = '';
  ({ list } = await followingList());
  expect(wheel(list, { deltaY: -1, deltaMode: 2 })).toBe(true);
  expect(list.scrollTop).toBe(2400 - 600);
});

it('later turns, a turn down, a ctrl-wheel (zoom) and a turn at the very top scroll natively', async () => {
  const { list } = await followingList();
  expect(wheel(list, { deltaY: 100 }), 'a turn down').toBe(false);
  expect(wheel(list, { deltaY: -100, ctrlKey: true }), 'a ctrl-wheel').toBe(false);
  expect(wheel(list, { deltaY: -100 }), 'the first turn up').toBe(true);
  expect(wheel(list, { deltaY: -100 }), 'the next turn, no longer following').toBe(false);
  expect(list.scrollTop).toBe(2300);
  list.scrollTop = 2400;
  fireEvent.scroll(list);
  list.scrollTop = 0;
  expect(wheel(list, { deltaY: -100 }), 'at the top, nothing to scroll').toBe(false);
});

it('holds a non-passive wheel listener on the list only while following (each gesture’s first wheel event waits for the page)', async () => {
  const added: string[] = [];
  const removed: string[] = [];
  const add = HTMLElement.prototype.addEventListener;
  const remove = HTMLElement.prototype.removeEventListener;
  const spyAdd = function (this: HTMLElement, type: string, l: EventListenerOrEventListenerObject, o?: boolean | AddEventListenerOptions) {
    if (type === 'wheel' && this.dataset.testid === 'message-list' && typeof o === 'object' && o.passive === false) added.push(type);
    return add.call(this, type, l, o);
  };
  const spyRemove = function (this: HTMLElement, type: string, l: EventListenerOrEventListenerObject, o?: boolean | EventListenerOptions) {
    if (type === 'wheel' && this.dataset.testid === 'message-list') removed.push(type);
    return remove.call(this, type, l, o);
  };
  HTMLElement.prototype.addEventListener = spyAdd;
  HTMLElement.prototype.removeEventListener = spyRemove;
  try {
    const { list } = await followingList();
    expect(added).toHaveLength(1);
    expect(wheel(list, { deltaY: -1500 })).toBe(true);
    await waitFor(() => expect(removed).toHaveLength(1));
    list.scrollTop = 2400;
    fireEvent.scroll(list);
    await waitFor(() => expect(added).toHaveLength(2));
  } finally {
    HTMLElement.prototype.addEventListener = add;
    HTMLElement.prototype.removeEventListener = remove;
  }
});
