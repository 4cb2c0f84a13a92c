// The message list's window over the channel: live bursts, reading back, pages, jumps.
import { describe, expect, it } from 'vitest';
import { initialMessages, MAX_KEPT, MAX_LIVE, MAX_PAGED, messagesReducer, type MessagesState } from '../../renderer/src/lib/messages';
import { makeMessage } from './fixtures';

const loaded = (n: number, hasOlder = true): MessagesState =>
  messagesReducer(initialMessages, { type: 'loaded', messages: Array.from({ length: n }, () => makeMessage()), hasOlder });

describe('message window', () => {
  it('a burst while following keeps the newest MAX_LIVE and says older ones exist', () => {
    const start = loaded(50, false);
    const burst = Array.from({ length: 10_000 }, () => makeMessage());
    const state = messagesReducer(start, { type: 'createdMany', messages: burst });
    expect(state.items).toHaveLength(MAX_LIVE);
    expect(state.items.at(-1)!.id).toBe(burst.at(-1)!.id);
    expect(state.hasOlder).toBe(true);
    expect(state.received).toBe(10_000);
  });

  it('a burst while reading back keeps what the reader sees (nothing trimmed above them) and counts every message', () => {
    let state = messagesReducer(loaded(200), { type: 'following', value: false });
    const first = state.items[0]!.id;
    state = messagesReducer(state, { type: 'createdMany', messages: Array.from({ length: 5_000 }, () => makeMessage()) });
    expect(state.items[0]!.id).toBe(first);
    expect(state.items).toHaveLength(5_200);
    expect(state.received).toBe(5_000);
    // Back at the bottom: trimmed to the live size again.
    expect(messagesReducer(state, { type: 'following', value: true }).items).toHaveLength(MAX_LIVE);
  });

  it('bounds what is kept even while reading back, dropping the newest rather than what is read', () => {
    let state = messagesReducer(loaded(10), { type: 'following', value: false });
    const first = state.items[0]!.id;
    state = messagesReducer(state, { type: 'createdMany', messages: Array.from({ length: MAX_KEPT + 10 }, () => makeMessage()) });
    expect(state.items).toHaveLength(MAX_KEPT);
    expect(state.items[0]!.id).toBe(first);
    // The newest are no longer in the window: the list must reload them to show the present.
    expect(state.atLatest).toBe(false);
    expect(state.received).toBe(MAX_KEPT + 10);
  });

  it('prepends older pages and knows when the start of the channel is reached', () => {
    const state = loaded(3);
    const older = [makeMessage(), makeMessage()].map((m, i) => ({ ...m, id: `1${i}`, createdAt: 0 }));
    const next = messagesReducer(state, { type: 'older', messages: older, hasOlder: false });
    expect(next.items.map((m) => m.id).slice(0, 2)).toEqual(['10', '11']);
    expect(next.hasOlder).toBe(false);
  });

  it('a jump shows a window away from the present: live messages are counted, not inserted, until it reaches the present', () => {
    const around = [makeMessage(), makeMessage()].map((m, i) => ({ ...m, id: `2${i}`, createdAt: i }));
    let state = messagesReducer(loaded(50), { type: 'window', messages: around, hasOlder: true, atLatest: false });
    expect(state.atLatest).toBe(false);
    const live = makeMessage();
    state = messagesReducer(state, { type: 'createdMany', messages: [live] });
    expect(state.items.map((m) => m.id)).toEqual(['20', '21']);
    expect(state.received).toBe(1);
    state = messagesReducer(state, { type: 'newer', messages: [live], atLatest: true });
    expect(state.atLatest).toBe(true);
    expect(state.items.at(-1)!.id).toBe(live.id);
  });
});

describe('scrolling far back', () => {
  it('keeps at most MAX_PAGED messages, dropping the newest, and knows the present must be reloaded', () => {
    let state = messagesReducer(loaded(200), { type: 'following', value: false });
    let id = 1_000_000;
    for (let page = 0; page < MAX_PAGED / 100 + 5; page++) {
      const older = Array.from({ length: 100 }, () => ({ ...makeMessage(), id: String(id), createdAt: id-- - 2_000_000 }));
      state = messagesReducer(state, { type: 'older', messages: older, hasOlder: true });
    }
    expect(state.items).toHaveLength(MAX_PAGED);
    expect(state.atLatest).toBe(false);
    expect(state.items[0]!.id).toBe(String(id + 1));
  });
});

describe('date formatting for message rows', () => {
  it('builds one Intl.DateTimeFormat per locale and style, not one per row', async () => {
    const { formatFullDate, formatMessageTime } = await import('../../renderer/src/lib/format');
    const real = Intl.DateTimeFormat;
    let built = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++;
      return new real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (let i = 0; i < 200; i++) {
        formatFullDate(1_700_000_000_000 + i * 60_000, 'fr');
        formatMessageTime(1_700_000_000_000 + i * 60_000, 'fr', 1_800_000_000_000);
      }
    } finally {
      Intl.DateTimeFormat = real;
    }
    expect(built).toBeLessThanOrEqual(2);
    expect(formatFullDate(0, 'en')).toBe(new real('en', { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(0)));
  });

  it('an edit or a reaction of a message older than the window (its page not loaded) does not join it above a hole', () => {
    // A reaction on an old message comes as message.updated (message-sink.ts reactionNow).
    const old = makeMessage();
    // 30 messages the window never loaded, between that old one and what it shows.
    for (let i = 0; i < 30; i++) makeMessage();
    const shown = Array.from({ length: 50 }, () => makeMessage());
    const start = messagesReducer(initialMessages, { type: 'loaded', messages: shown, hasOlder: true });
    const state = messagesReducer(start, { type: 'updated', message: { ...old, content: 'edited long ago' } });
    // Joined, it would sit above the 30 never loaded: scrolling up would load older than it and skip them.
    expect(state.items.map((m) => m.id)).toEqual(shown.map((m) => m.id));
    // One the window lacks inside its range or newer (its creation missed) still joins it.
    const late = makeMessage();
    expect(messagesReducer(start, { type: 'updated', message: late }).items.at(-1)!.id).toBe(late.id);
  });

  it('new messages older than the window (a hole filled late by a catch-up), while older pages exist, are counted but not joined above a hole', () => {
    const hole = Array.from({ length: 20 }, () => makeMessage());
    // Messages between the hole and the window that the window never loaded.
    for (let i = 0; i < 30; i++) makeMessage();
    const shown = Array.from({ length: 50 }, () => makeMessage());
    const start = messagesReducer(initialMessages, { type: 'loaded', messages: shown, hasOlder: true });
    const live = makeMessage();
    const state = messagesReducer(start, { type: 'createdMany', messages: [...hole, live] });
    expect(state.items.map((m) => m.id)).toEqual([...shown, live].map((m) => m.id));
    expect(state.received).toBe(21);
  });
});
