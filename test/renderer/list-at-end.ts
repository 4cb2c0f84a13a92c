import { fireEvent, screen, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

/** jsdom has no layout: a 3000 px history in a 600 px list, scrolled to its end (following). */
export function atTheEnd(list: HTMLElement): void {
  Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
  Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
  list.scrollTop = 2400;
  fireEvent.scroll(list);
}

/** The panel with `messages` (50 by default) on screen, the list at its end: following. */
export async function followingList(messages: ChatMessage[] = Array.from({ length: 50 }, () => makeMessage())) {
  const fake = new FakeApi();
  fake.messages = messages;
  renderApp(fake);
  const list = await screen.findByTestId('message-list');
  await within(list).findAllByTestId('message');
  atTheEnd(list);
  return { fake, list };
}

/** A message arrives and the list grows under the reader (20 px short of the end, or `at`). */
export async function arrives(fake: FakeApi, list: HTMLElement, at = 2380): Promise<void> {
  list.scrollTop = at;
  await emit(fake, 'message.created', makeMessage());
}

/** Still following: a new message takes the list to the end, and no pill counts it. */
export async function expectFollowing(fake: FakeApi, list: HTMLElement): Promise<void> {
  await arrives(fake, list);
  expect(list.scrollTop).toBe(3000);
  expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
}
