// A key on a message's video or audio player works its own controls (its timeline and volume are range
// inputs: ArrowUp raises the volume, Home seeks to the start) and never scrolls the list: like the
// lightbox (follow-intent.test.tsx), no scroll event follows to take the reader back, so letting go at
// once there stopped following for good.
import './setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

const video = { id: 'v1', name: 'clip.mp4', url: 'https://cdn.example/clip.mp4', size: 1000, contentType: 'video/mp4', width: 100, height: 100 };

it("Home or ArrowUp on a message's video player does not let go", async () => {
  const fake = new FakeApi();
  fake.messages = [...Array.from({ length: 49 }, () => makeMessage()), makeMessage({ attachments: [video] })];
  renderApp(fake);
  const list = await screen.findByTestId('message-list');
  await within(list).findAllByTestId('message');
  Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
  Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
  list.scrollTop = 2400;
  fireEvent.scroll(list);
  const player = list.querySelector('video')!;
  expect(player).not.toBeNull();
  fireEvent.keyDown(player, { key: 'ArrowUp' });
  fireEvent.keyDown(player, { key: 'Home' });
  // Still following: a new message takes the list to the end, and no pill counts it.
  list.scrollTop = 2380;
  await emit(fake, 'message.created', makeMessage());
  expect(list.scrollTop).toBe(3000);
  expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
});
