// Paging through history keeps a small window around the reader: the virtualiser's work for every
// row it measures grows with the window (a 20,000-row window made 150-460 ms long tasks in
// bench/scroll), so paging trims the far side, never the side the reader moves towards.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { initialMessages, MAX_PAGED, messagesReducer, type MessagesState } from '../../renderer/src/lib/messages';
import { makeMessage } from './fixtures';

/** `count` messages with ids from `from` down (older ones have lower ids and times). */
function page(from: number, count = 100): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => makeMessage({ id: String(from - i), createdAt: from - i }));
}

const newest = (): MessagesState => messagesReducer(initialMessages, { type: 'loaded', messages: page(1_000_000, 200), hasOlder: true });

describe('paging through history', () => {
  it('scrolling back keeps at most MAX_PAGED messages (10 pages), the oldest loaded first, and drops the newest', () => {
    let state = messagesReducer(newest(), { type: 'following', value: false });
    let from = 1_000_000 - 200;
    let largest = 0;
    for (let i = 0; i < 50; i++) {
      state = messagesReducer(state, { type: 'older', messages: page(from), hasOlder: true });
      largest = Math.max(largest, state.items.length);
      from -= 100;
    }
    expect(MAX_PAGED).toBeLessThanOrEqual(1_000);
    expect(largest).toBe(MAX_PAGED);
    expect(state.items[0]!.id).toBe(String(from + 1));
    expect(state.items.at(-1)!.id).toBe(String(from + MAX_PAGED));
    // The present is no longer in the window: returning reloads it.
    expect(state.atLatest).toBe(false);
  });

  it('scrolling forward after a jump keeps the newest page loaded and drops the oldest', () => {
    let state = messagesReducer(newest(), { type: 'following', value: false });
    state = messagesReducer(state, { type: 'window', messages: page(10_000), hasOlder: true, atLatest: false });
    let to = 10_000;
    for (let i = 0; i < 50; i++) {
      const newer = page(to + 100);
      state = messagesReducer(state, { type: 'newer', messages: newer, atLatest: false });
      to += 100;
    }
    expect(state.items).toHaveLength(MAX_PAGED);
    expect(state.items.at(-1)!.id).toBe(String(to));
    expect(state.items[0]!.id).toBe(String(to - MAX_PAGED + 1));
    // What was dropped above is a page load away.
    expect(state.hasOlder).toBe(true);
  });

  it('a short window is not trimmed', () => {
    const state = messagesReducer(newest(), { type: 'older', messages: page(1_000_000 - 200), hasOlder: false });
    expect(state.items).toHaveLength(300);
    expect(state.atLatest).toBe(true);
  });
});
