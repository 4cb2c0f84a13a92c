import { fireEvent } from '@testing-library/react';

/** jsdom has no layout: a 3000 px history in a 600 px list, scrolled to its end (following). */
export function atTheEnd(list: HTMLElement): void {
  Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
  Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
  list.scrollTop = 2400;
  fireEvent.scroll(list);
}
