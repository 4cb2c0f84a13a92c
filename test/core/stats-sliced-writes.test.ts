// Statistics in slices while messages arrive, are marked deleted and are removed between slices, with
// two requests at once: each message is counted at most once in a result (slices are ranges of keys,
// not row offsets that a write would shift), every message there throughout is counted, and the
// figures agree with each other.
import { describe, expect, it } from 'vitest';
import { channelStatsSliced } from '../../electron/core/messages/stats-sliced.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChannelStats } from '../../shared/types.js';
import { ALICE, messageAt } from '../helpers/timed-messages.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 28);

describe('statistics in slices while the channel changes', () => {
  it('count each message at most once, and every message there throughout, in two requests at once', async () => {
    const store = new MessageStore(':memory:');
    // One author per message: an author counted twice is a message counted twice.
    const message = (at: number, author: string) => ({ ...messageAt(at), author: { ...ALICE, id: author } });
    const initial = Array.from({ length: 600 }, (_, i) => message(T0 + i * 5 * MINUTE, `a${i}`));
    store.addMany(initial);
    const throughout = new Set(initial.map((m) => m.author.id));
    const ever = new Set(throughout);
    const remove = store.database.prepare('DELETE FROM messages WHERE id = ?');
    let running = true;
    let writes = 0;
    const write = () => {
      if (!running) return;
      // Before the first message, inside the range (behind and ahead of each slice), after the last; more
      // added than removed, so that slices counted by row offsets would start behind their predecessor's end.
      for (let i = 0; i < 3; i++) {
        const added = message(T0 + Math.floor(Math.random() * 620 * 5 * MINUTE) - 10 * 5 * MINUTE, `n${writes}.${i}`);
        store.add(added);
        ever.add(added.author.id);
      }
      const marked = initial[Math.floor(Math.random() * initial.length)]!;
      store.update(marked.id, { deleted: true });
      const gone = initial[Math.floor(Math.random() * initial.length)]!;
      if (remove.run(gone.id).changes) throughout.delete(gone.author.id);
      writes++;
      setImmediate(write);
    };
    setImmediate(write);
    const req = { timeZone: 'Europe/Paris', topAuthors: 1_000_000 };
    const results = await Promise.all([channelStatsSliced(store, messageAt(0).channelId, req, { sliceRows: 7 }), channelStatsSliced(store, messageAt(0).channelId, req, { sliceRows: 13 })]);
    running = false;
    // Dozens of writes landed between slices, or the test proves nothing.
    expect(writes).toBeGreaterThan(40);
    for (const s of results) check(s, throughout, ever);
    store.close();
  });
});

function check(s: ChannelStats, throughout: Set<string>, ever: Set<string>): void {
  const counted = new Set(s.topAuthors.map((a) => a.id));
  expect(s.topAuthors.filter((a) => a.count !== 1)).toEqual([]);
  expect([...throughout].filter((id) => !counted.has(id))).toEqual([]);
  expect([...counted].filter((id) => !ever.has(id))).toEqual([]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(s.total).toBe(s.topAuthors.length);
  expect(sum(s.hours)).toBe(s.total);
  expect(sum(s.perDay.map((d) => d.count))).toBe(s.total);
}
