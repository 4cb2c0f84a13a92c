// The channels a data folder holds messages of: the bot may have watched several over time, and the
// demo watches a new one at each start. `npm run export` chooses among them and names them.
import Database from 'better-sqlite3';
import { knownChannel } from '../core/archive/channel-names.js';
import { timeOfSnowflake } from '../core/messages/last-seen.js';

export interface StoredChannel {
  id: string;
  count: number;
  /** When its newest stored message was posted (ms). */
  newest: number;
}

/** Newest activity first; [] when the store cannot be read. Reads the (channel, sort key) index only. */
export function storedChannels(storeFile: string): StoredChannel[] {
  const db = new Database(storeFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[], { id: string; count: number; last: string }>('SELECT channel_id AS id, COUNT(*) AS count, MAX(sort_key) AS last FROM messages GROUP BY channel_id').all();
    return rows.map((r) => ({ id: r.id, count: r.count, newest: timeOfSnowflake(r.last) })).sort((a, b) => b.newest - a.newest);
  } catch {
    return [];
  } finally {
    db.close();
  }
}

/** "#ops (Home Lab, 1578…)" when its names were remembered, else its id. */
export function channelLabel(dataDir: string, id: string): string {
  const known = knownChannel(dataDir, id);
  return known ? `#${known.channel.name} (${known.guild.name}, ${id})` : id;
}

/** One line a channel: "  1578… #ops (Home Lab): 1,204 messages, the newest 2026-03-01". */
export function storedChannelLines(dataDir: string, channels: StoredChannel[]): string {
  return channels
    .map((c) => {
      const known = knownChannel(dataDir, c.id);
      const name = known ? ` #${known.channel.name} (${known.guild.name})` : '';
      return `  ${c.id}${name}: ${c.count.toLocaleString('en')} message${c.count === 1 ? '' : 's'}, the newest ${new Date(c.newest).toISOString().slice(0, 10)}`;
    })
    .join('\n');
}
