// Reads stored messages for an export page by page (keyset paging on the store's sort key), through
// its own read-only connection: constant memory, and the live store keeps writing meanwhile (WAL).
import Database from 'better-sqlite3';
import type { ChatMessage } from '../../../shared/types.js';
import { matches, snowflakeAt, type ArchiveQuery } from './query.js';

const key = (id: string) => id.padStart(20, '0');
const PAGE = 1000;

export class ArchiveReader {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  private bounds(q: ArchiveQuery): [string, string] {
    const low = q.after === undefined ? '' : key(snowflakeAt(q.after));
    const high = q.before === undefined ? '~' : key(snowflakeAt(q.before));
    return [low, high];
  }

  /** Rows in the range before the author filter: the progress bar's total (an upper bound). */
  count(q: ArchiveQuery): number {
    const [low, high] = this.bounds(q);
    const row = this.db
      .prepare<[string, string, string], { n: number }>('SELECT COUNT(*) AS n FROM messages WHERE channel_id = ? AND sort_key >= ? AND sort_key < ?')
      .get(q.channelId, low, high);
    return row?.n ?? 0;
  }

  /** Oldest first, `PAGE` rows at a time. */
  *pages(q: ArchiveQuery, pageSize = PAGE): Generator<{ messages: ChatMessage[]; scanned: number }> {
    const [low, high] = this.bounds(q);
    const stmt = this.db.prepare<[string, string, string, string, number], { sort_key: string; json: string }>(
      'SELECT sort_key, json FROM messages WHERE channel_id = ? AND sort_key >= ? AND sort_key > ? AND sort_key < ? ORDER BY sort_key LIMIT ?',
    );
    let cursor = '';
    for (;;) {
      const rows = stmt.all(q.channelId, low, cursor, high, pageSize);
      if (rows.length === 0) return;
      cursor = rows.at(-1)!.sort_key;
      const messages = rows.map((r) => JSON.parse(r.json) as ChatMessage).filter((m) => matches(m, q));
      yield { messages, scanned: rows.length };
      if (rows.length < pageSize) return;
    }
  }

  close(): void {
    this.db.close();
  }
}
