// Channel statistics for a period: messages per day, busiest hours, top authors, attachments.
// Counts read the (channel_id, created_at) index; only the attachment sums open each row's JSON.
import type { ChannelStats } from '../../../shared/types.js';
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

export function channelStats(store: MessageStore, channelId: string, req: StatsRequest = {}): ChannelStats {
  const db = store.database;
  const from = req.from ?? 0;
  const to = req.to ?? Number.MAX_SAFE_INTEGER;
  // Local time = UTC − offset (getTimezoneOffset is positive west of Greenwich).
  const shift = -(req.tzOffsetMinutes ?? 0) * 60_000;
  const range = 'channel_id = ? AND created_at >= ? AND created_at < ?';
  const mRange = 'm.channel_id = ? AND m.created_at >= ? AND m.created_at < ?';
  const args = [channelId, from, to];
  const perDay = db
    .prepare(
      `SELECT date((created_at + ${shift}) / 1000, 'unixepoch') AS day, count(*) AS count FROM messages WHERE ${range} GROUP BY day ORDER BY day`,
    )
    .all(...args) as Array<{ day: string; count: number }>;
  const hours = Array.from({ length: 24 }, () => 0);
  const byHour = db
    .prepare(`SELECT CAST(strftime('%H', (created_at + ${shift}) / 1000, 'unixepoch') AS INTEGER) AS hour, count(*) AS count FROM messages WHERE ${range} GROUP BY hour`)
    .all(...args) as Array<{ hour: number; count: number }>;
  for (const r of byHour) hours[r.hour] = r.count;
  const topAuthors = db
    .prepare(
      `SELECT m.author_id AS id, a.display_name AS name, count(*) AS count FROM messages m LEFT JOIN authors a ON a.author_id = m.author_id
       WHERE ${mRange} GROUP BY m.author_id ORDER BY count DESC, id LIMIT ?`,
    )
    .all(...args, req.topAuthors ?? 10) as Array<{ id: string; name: string | null; count: number }>;
  const top = topAuthors.map((r) => ({ id: r.id, name: r.name ?? r.id, count: r.count }));
  const attachments = db
    .prepare(
      `SELECT count(a.value) AS count, sum(json_extract(a.value, '$.size')) AS bytes FROM messages m, json_each(m.json, '$.attachments') a
       WHERE ${mRange}`,
    )
    .get(...args) as { count: number; bytes: number | null };
  return {
    total: perDay.reduce((n, d) => n + d.count, 0),
    perDay,
    hours,
    topAuthors: top,
    attachments: { count: attachments.count, bytes: attachments.bytes ?? 0 },
  };
}
