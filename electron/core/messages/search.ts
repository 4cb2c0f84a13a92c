// Search over the stored history (SQLite FTS5) with Discord's filters, newest first, in pages. The
// query becomes SQL in search-plan.ts (shared with filtered exports); dates and the paging cursor are
// rowid bounds and "newest first" is the index's own order, so a page stops after `limit` hits.
import type { ChatMessage, SearchResult } from '../../../shared/types.js';
import type { FtsIndexer } from './fts-indexer.js';
import { planSearch } from './search-plan.js';
import { planRows } from './search-rows.js';
import type { MessageStore } from './store.js';
import { requestZone } from './time-zone.js';

export interface SearchRequest {
  query: string;
  /** The viewer's zone (IANA name): dates are days there, each with its own offset. */
  timeZone?: string;
  /** new Date().getTimezoneOffset() of an older panel: one offset for every date. */
  tzOffsetMinutes?: number;
  limit?: number;
  /** Cursor: only results older than this message (the previous page's last id). */
  before?: string;
}

const MAX_ID = 9223372036854775807n;

export class MessageSearch {
  constructor(
    private readonly store: MessageStore,
    private readonly indexer: FtsIndexer,
  ) {}

  search(channelId: string, req: SearchRequest): SearchResult {
    const started = performance.now();
    const limit = Math.max(1, Math.min(100, req.limit ?? 25));
    // Indexed first: author names (from:) and every stored row are then in the index.
    this.indexer.catchUp();
    const plan = planSearch(this.store.database, req.query, requestZone(req));
    const high = req.before === undefined ? MAX_ID : BigInt(req.before);
    const rows = planRows(this.store.database, plan, channelId, 'DESC', 'json')(0n, high, limit);
    const messages = rows.map((json) => JSON.parse(json) as ChatMessage);
    return {
      messages,
      terms: plan.terms,
      problems: plan.problems,
      nextBefore: messages.length === limit ? messages.at(-1)!.id : null,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
