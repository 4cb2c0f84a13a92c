// A message store written and indexed as version 3.1.0 did (search index layout 3: no emoji words),
// for the tests of what the current version does when it opens one.
import Database from 'better-sqlite3';
import type { ChatMessage } from '../../shared/types.js';
import { ensureLayout3Schema, LAYOUT3_VALUES_SQL } from './layout3-schema.js';

/** Writes `messages` into a layout-3 store at `file` (created) and indexes them all, as 3.1.0's indexer did. */
export function writeLayout3Store(file: string, messages: readonly ChatMessage[]): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, sort_key TEXT NOT NULL, json TEXT NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS messages_channel ON messages (channel_id, sort_key)');
    db.exec('CREATE TABLE IF NOT EXISTS member_names (guild_id TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL, PRIMARY KEY (guild_id, user_id))');
    ensureLayout3Schema(db);
    const insert = db.prepare('INSERT OR IGNORE INTO messages (id, channel_id, sort_key, json) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const m of messages) insert.run(m.id, m.channelId, m.id.padStart(20, '0'), JSON.stringify(m));
      const to = (db.prepare('SELECT max(rowid) AS r FROM messages').get() as { r: number | null }).r ?? 0;
      db.prepare(`INSERT INTO messages_fts (rowid, content, author, has) SELECT ${LAYOUT3_VALUES_SQL} FROM messages WHERE rowid <= ?`).run(to);
      db.prepare('UPDATE fts_progress SET last_rowid = ? WHERE id = 1').run(to);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The index words of row `id` in column `col` (an fts5vocab table over the contentless index). */
export function indexWords(db: Database.Database, id: string, col = 'has'): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, messages_fts, 'instance')");
  return db.prepare<[bigint, string], { term: string }>('SELECT term FROM temp.fts_words WHERE doc = ? AND col = ? ORDER BY term').all(BigInt(id), col).map((r) => r.term);
}
