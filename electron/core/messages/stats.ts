// Channel statistics for a period: messages per day, busiest hours, top authors, attachments.
// The period is a range of the (channel_id, sort_key) index and each message's time is read from
// its snowflake, so counting opens no JSON; only authors and attachment sums do.
import type { ChannelStats } from '../../../shared/types.js';
import { sortKey } from './history-query.js';
import { snowflakeAt } from './last-seen.js';
import type { MessageStore } from './store.js';

export interface StatsRequest {
  /** Epoch ms, inclusive; absent for the beginning. */
  from?: number;
  /** Epoch ms, exclusive; absent for now. */
  to?: number;
  /** new Date().getTimezoneOffset() of the viewer. */
  tzOffsetMinutes?: number;
  topAuthors?: number;
}

const EPOCH = 1_420_070_400_000;
const bound = (ms: number | undefined, fallback: string) => (ms === undefined ? fallback : sortKey(snowflakeAt(Math.max(EPOCH, ms))));

export function channelStats(store: MessageStore, channelId: string, req: StatsRequest = {}): ChannelStats {
  const db = store.database;
  // Local time = UTC − offset (getTimezoneOffset is positive west of Greenwich).
  const local = `((CAST(id AS INTEGER) >> 22) + ${EPOCH} - ${(req.tzOffsetMinutes ?? 0) * 60_000}) / 1000`;
  const range = 'channel_id = ? AND sort_key >= ? AND sort_key < ?';
  const args = [channelId, bound(req.from, ''), bound(req.to, '~')];
  const perDay = db.prepare(`SELECT date(${local}, 'unixepoch') AS day, count(*) AS count FROM messages WHERE ${range} GROUP BY day ORDER BY day`).all(...args) as Array<{ day: string; count: number }>;
  const hours = Array.from({ length: 24 }, () => 0);
  const byHour = db.prepare(`SELECT CAST(strftime('%H', ${local}, 'unixepoch') AS INTEGER) AS hour, count(*) AS count FROM messages WHERE ${range} GROUP BY hour`).all(...args) as Array<{ hour: number; count: number }>;
  for (const r of byHour) hours[r.hour] = r.count;
  const topAuthors = db
    .prepare(
      `SELECT t.id, a.display_name AS name, t.count FROM (SELECT author_id AS id, count(*) AS count FROM messages WHERE ${range} GROUP BY author_id) t
       LEFT JOIN authors a ON a.author_id = t.id ORDER BY t.count DESC, t.id LIMIT ?`,
    )
    .all(...args, req.topAuthors ?? 10) as Array<{ id: string; name: string | null; count: number }>;
  const attachments = db
    .prepare(
      `SELECT count(a.value) AS count, sum(json_extract(a.value, '$.size')) AS bytes FROM messages m, json_each(m.json, '$.attachments') a
       WHERE m.channel_id = ? AND m.sort_key >= ? AND m.sort_key < ?`,
    )
    .get(...args) as { count: number; bytes: number | null };
  return {
    total: perDay.reduce((n, d) => n + d.count, 0),
    perDay,
    hours,
    topAuthors: topAuthors.map((r) => ({ id: r.id, name: r.name ?? r.id, count: r.count })),
    attachments: { count: attachments.count, bytes: attachments.bytes ?? 0 },
  };
}
