// Search over the stored history (SQLite FTS5) with Discord's filters, newest first, in pages.
// Words and filters go to the FTS index, whose rowid is the snowflake: dates and the paging cursor
// become rowid bounds and "newest first" is the index's own order, so a page stops after `limit` hits.
import { parseSearch, type SearchProblem, type SearchQuery } from '../../../shared/search-query.js';
import type { ChatMessage, SearchResult } from '../../../shared/types.js';
import { snowflakeAt } from './last-seen.js';
import { sortKey } from './history-query.js';
import type { FtsIndexer } from './fts-indexer.js';
import type { MessageStore } from './store.js';

export interface SearchRequest {
  query: string;
  /** new Date().getTimezoneOffset() of the viewer: dates are days in their time zone. */
  tzOffsetMinutes?: number;
  limit?: number;
  /** Cursor: only results older than this message (the previous page's last id). */
  before?: string;
}

const DAY = 86_400_000;
const MIN_ID = '0';
const MAX_ID = '9223372036854775807';

/** Start of a YYYY-MM-DD day in the viewer's zone, epoch ms. */
function dayStart(date: string, tzOffsetMinutes: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) + tzOffsetMinutes * 60_000;
}

const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
// A term with no letter or digit has no token: FTS5 would match nothing or refuse it.
const hasToken = (text: string) => /[\p{L}\p{N}]/u.test(text);
const anyOf = (column: string, values: string[]) => `${column} : (${values.map(ftsPhrase).join(' OR ')})`;

export class MessageSearch {
  constructor(
    private readonly store: MessageStore,
    private readonly indexer: FtsIndexer,
  ) {}

  search(channelId: string, req: SearchRequest): SearchResult {
    const started = performance.now();
    const q = parseSearch(req.query);
    const limit = Math.max(1, Math.min(100, req.limit ?? 25));
    const tz = req.tzOffsetMinutes ?? 0;
    const terms = [...q.words, ...q.phrases].filter(hasToken);
    const problems = [...q.problems];
    const done = (messages: ChatMessage[]): SearchResult => ({
      messages,
      terms,
      problems,
      nextBefore: messages.length === limit ? messages.at(-1)!.id : null,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    });

    // A filter that could not be read (has:video, after:2026-13-45) is not dropped: without it the
    // search listed unfiltered messages as if they matched. The problem alone is answered.
    if (q.problems.length) return done([]);
    const [low, high] = this.bounds(q, tz, req.before);
    if (BigInt(low) >= BigInt(high)) return done([]);
    this.indexer.catchUp();
    const fromIds = this.resolveAll(q.from, problems);
    const mentionIds = this.resolveAll(q.mentions, problems);
    if ((q.from.length && !fromIds.length) || (q.mentions.length && !mentionIds.length)) return done([]);
    // Everything but dates is an FTS5 match: words in content, author ids, "has" words, and a
    // mention's id (a token of "<@id>") narrowed to real mentions below.
    const match = [
      ...terms.map((t) => `content : ${ftsPhrase(t)}`),
      ...(fromIds.length ? [anyOf('author', fromIds)] : []),
      ...(mentionIds.length ? [anyOf('content', mentionIds)] : []),
      ...q.has.map((h) => `has : ${h}`),
    ].join(' AND ');
    const mentionSql = mentionIds.length ? ` AND (${mentionIds.map(() => "instr(m.json, '<@' || ? || '>') > 0 OR instr(m.json, '<@!' || ? || '>') > 0").join(' OR ')})` : '';
    const mentionArgs = mentionIds.flatMap((id) => [id, id]);
    const db = this.store.database;
    const rows = (
      match
        ? db
            .prepare(
              `SELECT m.json FROM messages_fts f JOIN messages m ON m.id = CAST(f.rowid AS TEXT)
               WHERE messages_fts MATCH ? AND f.rowid >= CAST(? AS INTEGER) AND f.rowid < CAST(? AS INTEGER) AND m.channel_id = ?${mentionSql}
               ORDER BY f.rowid DESC LIMIT ?`,
            )
            .all(match, low, high, channelId, ...mentionArgs, limit)
        : db.prepare('SELECT json FROM messages WHERE channel_id = ? AND sort_key >= ? AND sort_key < ? ORDER BY sort_key DESC LIMIT ?').all(channelId, sortKey(low), sortKey(high), limit)
    ) as Array<{ json: string }>;
    return done(rows.map((r) => JSON.parse(r.json) as ChatMessage));
  }

  /** [lowest id included, highest id excluded] from after:/before:/during: and the paging cursor. */
  private bounds(q: SearchQuery, tz: number, cursor: string | undefined): [string, string] {
    let low = BigInt(MIN_ID);
    let high = BigInt(MAX_ID);
    const at = (ms: number) => BigInt(snowflakeAt(Math.max(1_420_070_400_000, ms)));
    // Discord's after:D means after that day, before:D before it, during:D within it.
    if (q.after) low = at(dayStart(q.after, tz) + DAY);
    if (q.during) {
      const s = at(dayStart(q.during, tz));
      const e = at(dayStart(q.during, tz) + DAY);
      if (s > low) low = s;
      if (e < high) high = e;
    }
    if (q.before) {
      const b = at(dayStart(q.before, tz));
      if (b < high) high = b;
    }
    if (cursor !== undefined && BigInt(cursor) < high) high = BigInt(cursor);
    return [low.toString(), high.toString()];
  }

  private resolveAll(names: string[], problems: SearchProblem[]): string[] {
    const ids = new Set<string>();
    for (const name of names) {
      const found = this.authorIds(name);
      if (!found.length) problems.push({ code: 'nobody', value: name, message: `Nobody named “${name}” has posted in this channel.` });
      for (const id of found) ids.add(id);
    }
    return [...ids];
  }

  /**
   * An id as is, or the authors whose username or server name is `name` (any case); none such, those
   * whose names start with it, as Discord's from: suggests them (`from:grace` found nobody while "Grace
   * (admin)" had posted hundreds of messages; outside review).
   */
  private authorIds(name: string): string[] {
    if (/^\d{15,20}$/.test(name)) return [name];
    const exact = this.store.database
      .prepare<[string, string], { author_id: string }>('SELECT author_id FROM authors WHERE lower(username) = lower(?) OR lower(display_name) = lower(?)')
      .all(name, name)
      .map((r) => r.author_id);
    if (exact.length) return exact;
    const prefix = `${name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.store.database
      .prepare<[string, string], { author_id: string }>("SELECT author_id FROM authors WHERE lower(username) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\' LIMIT 25")
      .all(prefix, prefix)
      .map((r) => r.author_id);
  }
}
