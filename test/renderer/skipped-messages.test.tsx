// A WebSocket panel that fell behind gets one "N skipped" notice with the newest messages instead of
// each one (issue 9): a reader following the present sees the newest at once with a contiguous window;
// a reader scrolled up keeps their place and the pill counts exactly; the footer counts every message.
import './setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { initialMessages, messagesReducer, type MessagesState } from '../../renderer/src/lib/messages';
import type { MessagesSkipped } from '../../shared/live-flow';
import type { ChatMessage } from '../../shared/types';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

const many = (n: number) => Array.from({ length: n }, () => makeMessage());
const notice = (skipped: ChatMessage[], newest = 100): MessagesSkipped => ({ count: skipped.length, firstId: skipped[0]!.id, lastId: skipped.at(-1)!.id, newest: skipped.slice(-newest) });
const loaded = (messages: ChatMessage[]): MessagesState => messagesReducer(initialMessages, { type: 'loaded', messages, hasOlder: true });

describe('the skipped notice in the message window', () => {
  it('following: more skipped than sent with the notice, the window restarts at the newest (no hole), every message counted', () => {
    const start = loaded(many(50));
    const skipped = many(5000);
    const state = messagesReducer(start, { type: 'skipped', ...notice(skipped) });
    expect(state.items.map((m) => m.id)).toEqual(skipped.slice(-100).map((m) => m.id));
    expect(state.hasOlder).toBe(true);
    expect(state.atLatest).toBe(true);
    expect(state.received).toBe(5000);
  });

  it('a notice before the first page loaded: the window restarts at the newest and the older first page is not joined to it (no hole)', () => {
    const firstPage = many(200);
    const skipped = many(5000);
    let state = messagesReducer(initialMessages, { type: 'skipped', ...notice(skipped) });
    state = messagesReducer(state, { type: 'loaded', messages: firstPage, hasOlder: true });
    expect(state.items.map((m) => m.id)).toEqual(skipped.slice(-100).map((m) => m.id));
    expect(state.hasOlder).toBe(true);
    expect(state.loaded).toBe(true);
  });

  it('following: all skipped ones sent with the notice are appended to the window', () => {
    const first = many(50);
    const skipped = many(30);
    const state = messagesReducer(loaded(first), { type: 'skipped', ...notice(skipped) });
    expect(state.items.map((m) => m.id)).toEqual([...first, ...skipped].map((m) => m.id));
    expect(state.received).toBe(30);
  });

  it('following, out of order (a hole filled late): the window is not restarted at the notice\'s newest, it asks for the present', () => {
    const first = many(50);
    const hole = many(500);
    const live = many(10);
    let state = messagesReducer(loaded(first), { type: 'createdMany', messages: live });
    state = messagesReducer(state, { type: 'skipped', ...notice(hole) });
    expect(state.items.map((m) => m.id)).toEqual([...first, ...live].map((m) => m.id));
    expect(state.rereadPresent).toBe(true);
    expect(state.received).toBe(510);
    state = messagesReducer(state, { type: 'window', messages: [...hole.slice(-190), ...live], hasOlder: true, atLatest: true });
    expect(state.rereadPresent).toBe(false);
  });

  it('following, every skipped one sent with the notice but older than the window (a hole filled late): counted, not joined above a hole', () => {
    const hole = many(20);
    // Between the hole and the window: never loaded.
    many(30);
    const shown = many(50);
    const state = messagesReducer(loaded(shown), { type: 'skipped', ...notice(hole) });
    expect(state.items.map((m) => m.id)).toEqual(shown.map((m) => m.id));
    expect(state.received).toBe(20);
  });

  it('scrolled up: nothing moves, the window no longer reaches the present, the count is exact', () => {
    const first = many(200);
    let state = messagesReducer(loaded(first), { type: 'following', value: false });
    state = messagesReducer(state, { type: 'createdMany', messages: many(40) });
    state = messagesReducer(state, { type: 'skipped', ...notice(many(9950)) });
    state = messagesReducer(state, { type: 'createdMany', messages: many(10) });
    expect(state.items).toHaveLength(240);
    expect(state.items[0]!.id).toBe(first[0]!.id);
    expect(state.atLatest).toBe(false);
    expect(state.received).toBe(10_000);
  });
});

describe('the skipped notice in the panel', () => {
  async function app() {
    const fake = new FakeApi();
    fake.messages = many(50);
    const view = renderApp(fake);
    const list = await screen.findByTestId('message-list');
    await within(list).findAllByTestId('message');
    return { ...view, list };
  }

  it('a reader at the bottom sees the newest message of the notice; the footer counts them all', async () => {
    const { fake, list } = await app();
    const before = many(3);
    for (const m of before) fake.emit('message.created', m);
    const skipped = many(2000);
    fake.messages.push(...before, ...skipped);
    // Live messages queued for the next frame are applied before the notice (their order).
    await emit(fake, 'message.skipped', notice(skipped));
    // jsdom has no layout: the rows drawn are the window's first; the window is the newest 100, whole.
    const ids = within(list).getAllByTestId('message').map((el) => el.dataset.messageId);
    expect(ids[0]).toBe(skipped.at(-100)!.id);
    expect(ids).toEqual(skipped.slice(-100, -100 + ids.length).map((m) => m.id));
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
    expect(document.querySelector('.footer__counter')!.textContent).toMatch(/2,?003/);
  });

  it('a reader scrolled up gets a pill with the exact count, and the pill brings the present from the store', async () => {
    const { fake, list, user } = await app();
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 3000 });
    list.scrollTop = 0;
    fireEvent.scroll(list);
    const top = within(list).getAllByTestId('message')[0]!.dataset.messageId;
    await emit(fake, 'message.created', makeMessage());
    const skipped = many(9998);
    await emit(fake, 'message.skipped', notice(skipped));
    const last = makeMessage();
    fake.messages.push(...skipped, last);
    await emit(fake, 'message.created', last);
    expect(within(list).getAllByTestId('message')[0]!.dataset.messageId).toBe(top);
    await user.click(screen.getByRole('button', { name: /10,?000 new messages/ }));
    // The newest page read from the store (jsdom draws the window's first rows).
    await vi.waitFor(() => expect(list.dataset.oldestId).toBe(fake.messages.at(-200)!.id));
  });

  it('following, a notice for a hole filled late (older than the live messages shown) keeps them: the present is read from the store', async () => {
    const { fake, list } = await app();
    // A catch-up fills a hole after live messages went on (catch-up.ts fillHole): its messages are older.
    const hole = many(500);
    const live = many(10);
    for (const m of live) fake.emit('message.created', m);
    fake.messages.push(...hole, ...live);
    await emit(fake, 'message.skipped', notice(hole));
    // Restarting at the notice's newest (the hole's) would have left the live ones out of a window said to reach the present.
    await vi.waitFor(() => expect(list.dataset.oldestId).toBe(fake.messages.at(-200)!.id));
    expect(document.querySelector('.footer__counter')!.textContent).toMatch(/510/);
  });

  it('a notice that is not what the contract says is not applied as one: the present is reloaded from the store', async () => {
    const { fake, list } = await app();
    fake.messages.push(...many(300));
    await emit(fake, 'message.skipped', { count: -1, firstId: 'x', lastId: 'y', newest: [] } as unknown as MessagesSkipped);
    await vi.waitFor(() => expect(list.dataset.oldestId).toBe(fake.messages.at(-200)!.id));
  });
});
