// Channel statistics computed in slices of the period, with a turn of the event loop between slices:
// in one pass a million messages held the loop 2.2 s (gateway heartbeats, every panel, /healthz).
// Results are channelStats's (stats.ts, the one-pass reference): buckets, author counts and attachment
// sums add up across slices, and only the merged authors are ranked.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChannelStats } from '../../../shared/types.js';
import { sortKey } from './history-query.js';
import { DISCORD_EPOCH_MS } from './last-seen.js';
import { bound, bucketFor, countBuckets, type StatsRequest } from './stats.js';
import type { MessageStore } from './store.js';
import { offsetSpans, requestZone } from './time-zone.js';

/** About 20 ms of SQLite work a slice at ~2.5 µs a row (bench/stats; 20,000 rows were turns of 40-60 ms). */
export const SLICE_ROWS = 8_000;

export interface SliceOptions {
  /** Rows per slice (tests go down to 1). */
  sliceRows?: number;
  /** After each slice: the share of the period's time counted so far, 0 to 1. */
  onProgress?: (done: number) => void;
  /** Aborted: the count stops before its next slice, rejecting with the signal's reason. */
  signal?: AbortSignal;
}

const DAY = 86_400_000;
const RANGE = 'channel_id = ? AND sort_key >= ? AND sort_key < ?';
const timeOf = (key: string) => Number(BigInt(key) >> 22n) + DISCORD_EPOCH_MS;

/** SQLite's BINARY order of TEXT (UTF-8 bytes, i.e. code points), NULL first: the one-pass ranking's tie-break. */
function idOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  // UTF-16 units order like code points except that surrogates (above U+FFFF) must follow U+E000-U+FFFF.
  const unit = (s: string, i: number) => {
    const c = s.charCodeAt(i);
    return c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c;
  };
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return unit(a, i) - unit(b, i);
  return a.length - b.length;
}

export async function channelStatsSliced(store: MessageStore, channelId: string, req: StatsRequest = {}, opts: SliceOptions = {}): Promise<ChannelStats> {
  opts.signal?.throwIfAborted();
  const db = store.database;
  const zone = requestZone(req);
  const rows = Math.max(1, Math.floor(opts.sliceRows ?? SLICE_ROWS));
  const args = [channelId, bound(req.from, ''), bound(req.to, '~')];
  const end = (order: 'ASC' | 'DESC') => `(SELECT sort_key FROM messages WHERE ${RANGE} ORDER BY sort_key ${order} LIMIT 1)`;
  const ends = db.prepare(`SELECT ${end('ASC')} AS first, ${end('DESC')} AS last`).get(...args, ...args) as { first: string | null; last: string | null };
  const hours = Array.from({ length: 24 }, () => 0);
  const days = new Map<number, number>();
  const authors = new Map<string | null, number>();
  const attachments = { count: 0, bytes: 0 };
  let total = 0;
  if (ends.first !== null && ends.last !== null) {
    const first = timeOf(ends.first);
    const last = timeOf(ends.last);
    const spans = offsetSpans(zone, first, last);
    const size = bucketFor(spans);
    // The slice's end: the key `rows` rows on, strictly after its start so that every slice advances.
    const boundary = db.prepare(`SELECT sort_key FROM messages WHERE channel_id = ? AND sort_key > ? AND sort_key < ? ORDER BY sort_key LIMIT 1 OFFSET ?`).pluck();
    const buckets = db.prepare(`SELECT (CAST(id AS INTEGER) >> 22) / ${size} AS b, count(*) AS n FROM messages WHERE ${RANGE} GROUP BY b ORDER BY b`).raw();
    const byAuthor = db.prepare(`SELECT author_id, count(*) FROM messages WHERE ${RANGE} GROUP BY author_id`).raw();
    const files = db
      .prepare(`SELECT count(a.value), sum(json_extract(a.value, '$.size')) FROM messages m, json_each(m.json, '$.attachments') a WHERE m.channel_id = ? AND m.sort_key >= ? AND m.sort_key < ?`)
      .raw();
    // Up to the newest message there now: what arrives meanwhile lies past the zone's spans, and is left
    // out as from any count already made. Slices are ranges of keys, so a message is in one slice only.
    const stop = sortKey((BigInt(ends.last) + 1n).toString());
    // Each slice reads one snapshot (a live batch may commit between two statements).
    const slice = db.transaction((lo: string, hi: string) => {
      total += countBuckets(buckets.all(channelId, lo, hi) as Array<[number, number]>, size, spans, days, hours);
      for (const [id, n] of byAuthor.all(channelId, lo, hi) as Array<[string | null, number]>) authors.set(id, (authors.get(id) ?? 0) + n);
      const [count, bytes] = files.get(channelId, lo, hi) as [number, number | null];
      attachments.count += count;
      attachments.bytes += bytes ?? 0;
    });
    for (let lo = ends.first; ; await nextTurn()) {
      opts.signal?.throwIfAborted();
      const next = boundary.get(channelId, lo, stop, rows - 1) as string | undefined;
      const hi = next ?? stop;
      slice(lo, hi);
      opts.onProgress?.(next === undefined || last === first ? 1 : (timeOf(hi) - first) / (last - first + 1));
      if (next === undefined) break;
      lo = next;
    }
  }
  const perDay = [...days].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ day: new Date(day * DAY).toISOString().slice(0, 10), count }));
  return { total, perDay, hours, topAuthors: topAuthors(store, authors, req.topAuthors ?? 10), attachments };
}

/** The `n` authors with most messages (count, then id, as the one-pass query), named from the authors table. */
function topAuthors(store: MessageStore, counts: Map<string | null, number>, n: number): ChannelStats['topAuthors'] {
  // A negative LIMIT is none in SQLite.
  const limit = n < 0 ? Infinity : n;
  const top: Array<[string | null, number]> = [];
  const before = (a: [string | null, number], b: [string | null, number]) => b[1] - a[1] || idOrder(a[0], b[0]);
  // One pass keeping the best n in order: a channel may hold far more authors than are shown.
  for (const entry of counts) {
    if (top.length === limit && (limit === 0 || before(entry, top[top.length - 1]!) >= 0)) continue;
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1]!) < 0) i--;
    top.splice(i, 0, entry);
    if (top.length > limit) top.pop();
  }
  const name = store.database.prepare('SELECT display_name FROM authors WHERE author_id = ?').pluck();
  return top.map(([id, count]) => {
    const display = id === null ? null : (name.get(id) as string | null | undefined);
    return { id: id as string, name: (display ?? id) as string, count };
  });
}
