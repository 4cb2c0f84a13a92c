// Reads stored messages for an export page by page (keyset paging on the store's sort key), through
// its own read-only connection: constant memory, and the live store keeps writing meanwhile (WAL).
// A search text filters with the panel's search itself (messages/search-plan.ts): same query, same messages.
import Database from 'better-sqlite3';
import { coreText } from '../../../shared/core-text.js';
import type { ChatMessage } from '../../../shared/types.js';
import { CommandError } from '../errors.js';
import { FtsIndexer } from '../messages/fts-indexer.js';
import { ensureHistorySchema } from '../messages/history-schema.js';
import { planSearch, problemSentence, type SearchPlan } from '../messages/search-plan.js';
import { planRows } from '../messages/search-rows.js';
import { namedZone, UTC } from '../messages/time-zone.js';
import { matches, snowflakeAt, type ArchiveQuery } from './query.js';

const key = (id: string) => id.padStart(20, '0');
const PAGE = 1000;

export class ArchiveReader {
  private readonly db: Database.Database;

  constructor(private readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** The query's search text as the panel's search runs it; null without one. Throws its first problem. */
  private search(q: ArchiveQuery): SearchPlan | null {
    if (!q.query?.trim()) return null;
    indexPending(this.file);
    const plan = planSearch(this.db, q.query, q.timeZone ? namedZone(q.timeZone) : UTC);
    const problem = plan.problems[0];
    if (problem) throw new CommandError('invalid-input', coreText('archive.exportSearchProblem', { problem: problemSentence(problem).i18n }));
    return plan;
  }

  private bounds(q: ArchiveQuery, search: SearchPlan | null = null): [string, string] {
    let low = q.after === undefined ? '' : key(snowflakeAt(q.after));
    let high = q.before === undefined ? '~' : key(snowflakeAt(q.before));
    if (search && key(search.low.toString()) > low) low = key(search.low.toString());
    if (search && key(search.high.toString()) < high) high = key(search.high.toString());
    return [low, high];
  }

  /** Rows in the range before the author and search filters: the progress bar's total (an upper bound). */
  count(q: ArchiveQuery): number {
    const [low, high] = this.bounds(q, this.search(q));
    const row = this.db
      .prepare<[string, string, string], { n: number }>('SELECT COUNT(*) AS n FROM messages WHERE channel_id = ? AND sort_key >= ? AND sort_key < ?')
      .get(q.channelId, low, high);
    return row?.n ?? 0;
  }

  /** Oldest first, `PAGE` rows at a time. */
  *pages(q: ArchiveQuery, pageSize = PAGE): Generator<{ messages: ChatMessage[]; scanned: number }> {
    const search = this.search(q);
    const [low, high] = this.bounds(q, search);
    // With words or conditions, a page is a run of the range's keys (the index alone) and its messages
    // are the search's rows between the first and the last: no other row's JSON is read or parsed.
    const found = search && (search.match || search.where.length || !search.possible) ? planRows(this.db, search, q.channelId, 'ASC', 'json') : null;
    // One lower bound per statement: given both (>= low AND > cursor), SQLite seeks to the first and
    // filters by the second, so every page re-read the range from its start (45 s for 1,000,000 rows).
    const page = (op: '>=' | '>') =>
      this.db.prepare<[string, string, string, number], { sort_key: string; json: string }>(
        `SELECT sort_key${found ? '' : ', json'} FROM messages WHERE channel_id = ? AND sort_key ${op} ? AND sort_key < ? ORDER BY sort_key LIMIT ?`,
      );
    const first = page('>=');
    const next = page('>');
    let rows = first.all(q.channelId, low, high, pageSize);
    while (rows.length) {
      const last = rows.at(-1)!.sort_key;
      const json = found ? found(BigInt(rows[0]!.sort_key), BigInt(last) + 1n) : rows.map((r) => r.json);
      const messages = json.map((text) => JSON.parse(text) as ChatMessage).filter((m) => matches(m, q));
      yield { messages, scanned: rows.length };
      rows = rows.length < pageSize ? [] : next.all(q.channelId, last, high, pageSize);
    }
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Indexes the rows the search index has not reached yet, as a search does first (the app indexes when
 * writes pause; the command line may run after it stopped mid-burst). Where the store cannot be written
 * (a read-only folder, a lock held past 250 ms) what is indexed is searched, as by the panel's search.
 */
function indexPending(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    // A store an older version left (the command line run before the app's update) gets this layout first.
    ensureHistorySchema(db);
    new FtsIndexer(db).catchUp();
  } catch {
    // Searched as indexed (above).
  } finally {
    db?.close();
  }
}
