// A wheel turned up (or ArrowUp/PageUp/Home) lets go of following at once (MessageList.tsx): only when it
// can scroll the list. A ctrl-wheel zooms, and a message's image lightbox is a modal <dialog> on the top
// layer inside the list's DOM (its events bubble to the list, its scrolling never reaches it): neither
// moves the list, so no scroll event follows to take the reader back, and they stopped following for good.
// Nor does a key on a message's video or audio player (its timeline and volume are range inputs: ArrowUp
// raises the volume, Home seeks to the start).
import './setup';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { atTheEnd, expectFollowing } from './list-at-end';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

const image = { id: 'a1', name: 'cat.png', url: 'https://cdn.example/cat.png', size: 1000, contentType: 'image/png', width: 100, height: 100 };

const video = { id: 'v1', name: 'clip.mp4', url: 'https://cdn.example/clip.mp4', size: 1000, contentType: 'video/mp4', width: 100, height: 100 };

async function followingList(attachment = image) {
  const fake = new FakeApi();
  fake.messages = [...Array.from({ length: 49 }, () => makeMessage()), makeMessage({ attachments: [attachment] })];
  renderApp(fake);
  const list = await screen.findByTestId('message-list');
  await within(list).findAllByTestId('message');
  atTheEnd(list);
  return { fake, list };
}

it('a ctrl-wheel (zoom, a trackpad pinch) does not let go', async () => {
  const { fake, list } = await followingList();
  fireEvent.wheel(list, { deltaY: -100, ctrlKey: true });
  await expectFollowing(fake, list);
});

async function openLightbox(list: HTMLElement) {
  await userEvent.setup().click(within(list).getByRole('button', { name: 'Open cat.png' }));
  const dialog = document.querySelector<HTMLDialogElement>('dialog.lightbox')!;
  expect(list.contains(dialog)).toBe(true);
  return dialog;
}

it("a wheel turned up over a message's image lightbox does not let go", async () => {
  const { fake, list } = await followingList();
  const dialog = await openLightbox(list);
  fireEvent.wheel(dialog.querySelector('img')!, { deltaY: -100 });
  await expectFollowing(fake, list);
});

it("Home or ArrowUp in a message's image lightbox does not let go", async () => {
  const { fake, list } = await followingList();
  const dialog = await openLightbox(list);
  fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'Home' });
  fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'ArrowUp' });
  await expectFollowing(fake, list);
});

it("Home or ArrowUp on a message's video player does not let go", async () => {
  const { fake, list } = await followingList(video);
  const player = list.querySelector('video')!;
  expect(player).not.toBeNull();
  fireEvent.keyDown(player, { key: 'ArrowUp' });
  fireEvent.keyDown(player, { key: 'Home' });
  await expectFollowing(fake, list);
});

it('a wheel turned up over the list still lets go at once', async () => {
  const { fake, list } = await followingList();
  fireEvent.wheel(list, { deltaY: -100 });
  list.scrollTop = 2380;
  await emit(fake, 'message.created', makeMessage());
  expect(list.scrollTop).toBe(2380);
});
