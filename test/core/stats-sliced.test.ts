// Statistics computed in slices with turns of the event loop between them (one pass over a million
// messages held the loop 2.2 s): the same figures as the one-pass channelStats for any store, zone,
// period and slice size; the loop gets its turns; and writes arriving between slices are counted at
// most once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelStats, type StatsRequest } from '../../electron/core/messages/stats.js';
import { channelStatsSliced, SLICE_ROWS } from '../../electron/core/messages/stats-sliced.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatAttachment, ChatMessage } from '../../shared/types.js';
import { ALICE, CH, messageAt } from '../helpers/timed-messages.js';

const HOUR = 3_600_000;
// Text order differs from number order ('1000' < '3000…' < '99'), so the ties' order is the one-pass query's.
const AUTHORS = ['300000000000000001', '300000000000000002', '99', '1000', 'é', '\uff21', '😀'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
// Instants within three hours of daylight-saving changes (Paris, New York, Santiago, Lord Howe), where a bucket changes offset.
const CHANGES = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 3, 5, 3), Date.UTC(2026, 3, 4, 15)];

const attachment = (size: number, i: number): ChatAttachment => ({ id: String(i), name: `f${i}.png`, url: 'https://cdn.example/f.png', size, contentType: 'image/png', width: null, height: null });

const stored = fc.record({
  at: fc.oneof(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
    fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([t, d]) => t + d),
  ),
  author: fc.constantFrom(...AUTHORS),
  sizes: fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 3 }),
});

const request: fc.Arbitrary<StatsRequest> = fc.record(
  {
    from: fc.integer({ min: Date.UTC(2023, 11, 1), max: Date.UTC(2027, 0, 1) }),
    to: fc.integer({ min: Date.UTC(2023, 11, 1), max: Date.UTC(2027, 1, 1) }),
    timeZone: fc.constantFrom(...ZONES),
    tzOffsetMinutes: fc.integer({ min: -14 * 60, max: 12 * 60 }),
    topAuthors: fc.integer({ min: 0, max: 7 }),
  },
  { requiredKeys: [] },
);

function storeOf(rows: Array<{ at: number; author: string; sizes: number[] }>): MessageStore {
  const store = new MessageStore(':memory:');
  store.addMany(rows.map((r, i): ChatMessage => ({ ...messageAt(r.at), author: { ...ALICE, id: r.author }, attachments: r.sizes.map(attachment), content: `m${i}` })));
  // Names for some authors only: the others are shown by id.
  const name = store.database.prepare('INSERT INTO authors (author_id, username, display_name) VALUES (?, ?, ?)');
  for (const id of AUTHORS.slice(0, 3)) name.run(id, `u${id}`, `Name ${id}`);
  return store;
}

describe('statistics in slices', () => {
  it('equal the one-pass statistics for any store, zone, period and slice size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stored, { maxLength: 80 }), request, fc.integer({ min: 1, max: 40 }), async (rows, req, sliceRows) => {
        const store = storeOf(rows);
        try {
          expect(await channelStatsSliced(store, CH, req, { sliceRows })).toEqual(channelStats(store, CH, req));
        } finally {
          store.close();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('equal it for an empty channel, one message, and an hour-long burst of one author split anywhere', async () => {
    const store = new MessageStore(':memory:');
    for (const req of [{}, { timeZone: 'Asia/Kathmandu' }]) expect(await channelStatsSliced(store, CH, req, { sliceRows: 1 })).toEqual(channelStats(store, CH, req));
    store.add(messageAt(Date.UTC(2026, 2, 29, 0, 59)));
    expect(await channelStatsSliced(store, CH, { timeZone: 'Europe/Paris' }, { sliceRows: 1 })).toEqual(channelStats(store, CH, { timeZone: 'Europe/Paris' }));
    store.addMany(Array.from({ length: 120 }, (_, i) => messageAt(Date.UTC(2026, 2, 29, 0, 30) + i * 30_000)));
    for (const sliceRows of [1, 7, 64, 121, 1000]) expect(await channelStatsSliced(store, CH, { timeZone: 'Europe/Paris' }, { sliceRows })).toEqual(channelStats(store, CH, { timeZone: 'Europe/Paris' }));
    store.close();
  });

  it('report their progress once a slice, rising to 1', async () => {
    const store = new MessageStore(':memory:');
    store.addMany(Array.from({ length: 100 }, (_, i) => messageAt(Date.UTC(2026, 0, 1) + i * HOUR)));
    const seen: number[] = [];
    await channelStatsSliced(store, CH, {}, { sliceRows: 10, onProgress: (done) => seen.push(done) });
    expect(seen).toHaveLength(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
    store.close();
  });

  it('give the event loop a turn between slices: a ticker advances and a timer fires while they run', async () => {
    const store = new MessageStore(':memory:');
    // Rows written by SQL: 2 × SLICE_ROWS + 1 messages by addMany would take seconds.
    store.database.exec(`INSERT INTO messages (id, channel_id, sort_key, json)
      WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${2 * SLICE_ROWS + 1})
      SELECT id, '${CH}', printf('%020d', id), json_object('id', CAST(id AS TEXT), 'author', json_object('id', 'a' || (n % 50)), 'attachments', json('[]'))
      FROM (SELECT n, ((1767225600000 + n * 1000 - 1420070400000) << 22) AS id FROM c)`);
    const run = async (stats: () => Promise<unknown>) => {
      let ticks = 0;
      let timer = false;
      let ticking = true;
      const tick = () => {
        ticks++;
        if (ticking) setImmediate(tick);
      };
      // Scheduled first, so a turn taken before the first slice would not count.
      setImmediate(tick);
      setTimeout(() => (timer = true), 0);
      await stats();
      ticking = false;
      // Counted through the last slice: ticks a turn still owed after it are not the stats' doing.
      return { ticks, timer };
    };
    // The default slice size: three slices, so at least two turns between them, whatever the machine's load.
    const sliced = await run(() => channelStatsSliced(store, CH, {}));
    expect(sliced.ticks).toBeGreaterThanOrEqual(2);
    expect(sliced.timer).toBe(true);
    // Slices of 1,000: a turn between each two.
    expect((await run(() => channelStatsSliced(store, CH, {}, { sliceRows: 1000 }))).ticks).toBeGreaterThanOrEqual(Math.ceil((2 * SLICE_ROWS + 1) / 1000) - 1);
    // The one pass, for contrast: no turn at all until it is done.
    expect(await run(async () => channelStats(store, CH, {}))).toEqual({ ticks: 0, timer: false });
    store.close();
  });
});
