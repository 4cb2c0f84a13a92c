// A page asked for while another was loading is dropped (useMessages loads one page at a time); the list
// asked again only when the window's edge it watches changed. Scrolled to the bottom of a window away from
// the present while an older page was still on its way, the newer page was never asked again: the list sat
// at its end with the newest messages missing (e2e scroll-back, once in a loaded CI run). Once any page
// arrives, the list looks at both edges again.
import './setup';
import { act } from '@testing-library/react';
import { useState } from 'react';
import { expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { MessageList } from '../../renderer/src/components/messages/MessageList';
import { makeMessage } from './fixtures';
import { atTheEnd } from './list-at-end';
import { renderWithApi } from './render';

let show: (messages: ChatMessage[]) => void = () => {};
const onLoadNewer = vi.fn();
function Host({ initial }: { initial: ChatMessage[] }) {
  const [messages, setMessages] = useState(initial);
  show = setMessages;
  return <MessageList messages={messages} received={0} loaded loadError={null} configured hasOlder atLatest={false} onLoadNewer={onLoadNewer} onLoadOlder={() => undefined} />;
}

/** The window of `all` from the 100th, scrolled to its bottom (jsdom has no layout: 3000 px in 600); how often the newer page was asked for. */
async function atTheBottom(all: ChatMessage[]): Promise<number> {
  const view = renderWithApi(<Host initial={all.slice(100)} />);
  await act(async () => {});
  atTheEnd(view.getByTestId('message-list'));
  return onLoadNewer.mock.calls.length;
}

it('at the bottom of a window away from the present, an older page arriving asks for the newer one again', async () => {
  const all = Array.from({ length: 300 }, () => makeMessage());
  // That request was dropped (an older page was loading); the older page now arrives.
  const asked = await atTheBottom(all);
  expect(asked).toBeGreaterThan(0);
  await act(async () => show(all));
  expect(onLoadNewer.mock.calls.length, 'the newer page was not asked for again').toBeGreaterThan(asked);
});

it('also when the older page brought nothing new (the same messages again)', async () => {
  const all = Array.from({ length: 300 }, () => makeMessage());
  const asked = await atTheBottom(all);
  // The window as the reducer makes it from a page of known messages: the same ids, a new array.
  await act(async () => show(all.slice(100).map((m) => ({ ...m }))));
  expect(onLoadNewer.mock.calls.length, 'the newer page was not asked for again').toBeGreaterThan(asked);
});

// The same at the top: an older page asked for while a newer one was loading was dropped, and at
// scrollTop 0 a wheel turn up sends no scroll event. The newer page arriving changes the window's end,
// not its first message (a window under 1,000 keeps it): the list must look at the top edge again.
let showTop: (messages: ChatMessage[]) => void = () => {};
const onLoadOlder = vi.fn();
function TopHost({ initial }: { initial: ChatMessage[] }) {
  const [messages, setMessages] = useState(initial);
  showTop = setMessages;
  return <MessageList messages={messages} received={0} loaded loadError={null} configured hasOlder atLatest={false} onLoadNewer={() => undefined} onLoadOlder={onLoadOlder} />;
}

it('at the top of a window, a newer page arriving asks for the older one again', async () => {
  const all = Array.from({ length: 300 }, () => makeMessage());
  const view = renderWithApi(<TopHost initial={all.slice(0, 200)} />);
  await act(async () => {});
  const list = view.getByTestId('message-list');
  Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
  Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
  list.scrollTop = 0;
  await act(async () => void list.dispatchEvent(new Event('scroll')));
  const asked = onLoadOlder.mock.calls.length;
  expect(asked).toBeGreaterThan(0);
  // That request was dropped (the newer page was loading); the newer page now arrives below.
  await act(async () => showTop(all));
  expect(onLoadOlder.mock.calls.length, 'the older page was not asked for again').toBeGreaterThan(asked);
});
