// Reads stored messages for an export page by page (keyset paging on the store's sort key), through
// its own read-only connection: constant memory, and the live store keeps writing meanwhile (WAL).
import Database from 'better-sqlite3';
import type { ChatMessage } from '../../../shared/types.js';
import { matches, snowflakeAt, type ArchiveQuery } from './query.js';
import { compileSearch, type CompiledSearch } from './search-filter.js';

const key = (id: string) => id.padStart(20, '0');
const PAGE = 1000;

export class ArchiveReader {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** The query's search text compiled; its dates narrow the range. Throws the parser's problems. */
  private search(q: ArchiveQuery): CompiledSearch | null {
    if (!q.query?.trim()) return null;
    const compiled = compileSearch(q.query, (name) => this.resolve(q.channelId, name));
    if (compiled.problems.length) throw new Error(compiled.problems.join(' '));
    return compiled;
  }

  /** Author ids stored under a user name or display name (case-insensitive). */
  resolve(channelId: string, name: string): string[] {
    return this.db
      .prepare<[string, string, string], { id: string }>(
        "SELECT DISTINCT json_extract(json, '$.author.id') AS id FROM messages WHERE channel_id = ? AND (lower(json_extract(json, '$.author.username')) = lower(?) OR lower(json_extract(json, '$.author.displayName')) = lower(?))",
      )
      .all(channelId, name, name)
      .map((r) => r.id);
  }

  private bounds(q: ArchiveQuery, search: CompiledSearch | null = null): [string, string] {
    const after = Math.max(q.after ?? 0, search?.after ?? 0);
    const before = Math.min(q.before ?? Infinity, search?.before ?? Infinity);
    const low = after === 0 ? '' : key(snowflakeAt(after));
    const high = before === Infinity ? '~' : key(snowflakeAt(before));
    return [low, high];
  }

  /** Rows in the range before the author filter: the progress bar's total (an upper bound). */
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
    const stmt = this.db.prepare<[string, string, string, string, number], { sort_key: string; json: string }>(
      'SELECT sort_key, json FROM messages WHERE channel_id = ? AND sort_key >= ? AND sort_key > ? AND sort_key < ? ORDER BY sort_key LIMIT ?',
    );
    let cursor = '';
    for (;;) {
      const rows = stmt.all(q.channelId, low, cursor, high, pageSize);
      if (rows.length === 0) return;
      cursor = rows.at(-1)!.sort_key;
      const messages = rows.map((r) => JSON.parse(r.json) as ChatMessage).filter((m) => matches(m, q, search?.match));
      yield { messages, scanned: rows.length };
      if (rows.length < pageSize) return;
    }
  }

  close(): void {
    this.db.close();
  }
}
