// Pages of the stored history for the panel's list: the newest page, or a page before/after a
// message, around a message (a search result in context) or around an instant (jump to a date).
// Every page is one indexed range read on (channel_id, sort_key), however deep in the history.
import type { ChatMessage } from '../../../shared/types.js';
import { snowflakeAt } from './last-seen.js';
import type { MessageStore } from './store.js';

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

  /** Oldest first. */
  page(channelId: string, req: PageRequest = {}): ChatMessage[] {
    const limit = Math.max(1, Math.min(MAX_PAGE, req.limit ?? 100));
    if (req.before !== undefined) return parse(this.older.all(channelId, sortKey(req.before), limit)).reverse();
    // "after" excludes the message itself: the next id up is its key + 1.
    if (req.after !== undefined) return parse(this.newer.all(channelId, sortKey((BigInt(req.after) + 1n).toString()), limit));
    const anchor = req.around ?? (req.at !== undefined ? snowflakeAt(Math.max(1_420_070_400_000, req.at)) : undefined);
    if (anchor !== undefined) {
      const half = Math.floor(limit / 2);
      const older = parse(this.older.all(channelId, sortKey(anchor), half)).reverse();
      return [...older, ...parse(this.newer.all(channelId, sortKey(anchor), limit - older.length))];
    }
    return parse(this.newest.all(channelId, limit)).reverse();
  }
}
