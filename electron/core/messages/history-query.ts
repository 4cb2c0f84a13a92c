// Pages of the stored history for the panel's list: the newest page, or a page before/after a
// message, around a message (a search result in context) or around an instant (jump to a date).
// Every page is one indexed range read on (channel_id, sort_key), however deep in the history.
import type { ChatMessage } from '../../../shared/types.js';
import { DISCORD_EPOCH_MS, snowflakeAt } from './last-seen.js';
import { snowflakeCompare, type MessageStore } from './store.js';

export const MAX_PAGE = 500;

export interface PageRequest {
  limit?: number;
  before?: string;
  after?: string;
  around?: string;
  /** Epoch ms: the page around the first message posted at or after this instant. */
  at?: number;
}

// Zero-padded so that text order is snowflake order (the store's sort_key).
export const sortKey = (id: string): string => id.padStart(20, '0');

type Rows = Array<{ json: string }>;
const parse = (rows: Rows): ChatMessage[] => rows.map((r) => JSON.parse(r.json) as ChatMessage);

export class HistoryQuery {
  private readonly older;
  private readonly newer;
  private readonly newest;

  constructor(private readonly store: MessageStore) {
    const db = store.database;
    this.older = db.prepare<[string, string, number], { json: string }>('SELECT json FROM messages WHERE channel_id = ? AND sort_key < ? ORDER BY sort_key DESC LIMIT ?');
    this.newer = db.prepare<[string, string, number], { json: string }>('SELECT json FROM messages WHERE channel_id = ? AND sort_key >= ? ORDER BY sort_key ASC LIMIT ?');
    this.newest = db.prepare<[string, number], { json: string }>('SELECT json FROM messages WHERE channel_id = ? ORDER BY sort_key DESC LIMIT ?');
  }

  /**
   * Oldest first. `held`: messages kept in memory by a disk fault (storage-guard.ts), placed in the page
   * as if they were stored (else a panel opened during the fault missed the channel's newest messages).
   */
  page(channelId: string, req: PageRequest = {}, held: readonly ChatMessage[] = []): ChatMessage[] {
    const limit = Math.max(1, Math.min(MAX_PAGE, req.limit ?? 100));
    const mine = held.filter((m) => m.channelId === channelId);
    const below = (key: string) => mine.filter((m) => sortKey(m.id) < key);
    const from = (key: string) => mine.filter((m) => sortKey(m.id) >= key);
    if (req.before !== undefined) {
      const key = sortKey(req.before);
      return withHeld(parse(this.older.all(channelId, key, limit)).reverse(), below(key)).slice(-limit);
    }
    // "after" excludes the message itself: the next id up is its key + 1.
    if (req.after !== undefined) {
      const key = sortKey((BigInt(req.after) + 1n).toString());
      return withHeld(parse(this.newer.all(channelId, key, limit)), from(key)).slice(0, limit);
    }
    const anchor = req.around ?? (req.at !== undefined ? snowflakeAt(Math.max(DISCORD_EPOCH_MS, req.at)) : undefined);
    if (anchor !== undefined) {
      const key = sortKey(anchor);
      const half = Math.floor(limit / 2);
      const older = half ? withHeld(parse(this.older.all(channelId, key, half)).reverse(), below(key)).slice(-half) : [];
      const rest = limit - older.length;
      return [...older, ...withHeld(parse(this.newer.all(channelId, key, rest)), from(key)).slice(0, rest)];
    }
    return withHeld(parse(this.newest.all(channelId, limit)).reverse(), mine).slice(-limit);
  }
}

/** Stored rows (oldest first) and held messages, oldest first; a held copy replaces its row (a later edit). */
function withHeld(rows: ChatMessage[], held: ChatMessage[]): ChatMessage[] {
  if (!held.length) return rows;
  const byId = new Map(rows.map((m) => [m.id, m]));
  for (const m of held) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => snowflakeCompare(a.id, b.id));
}
