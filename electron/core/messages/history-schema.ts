// What history needs beyond the store's rows: columns derived from each row's JSON (virtual, so no
// row is rewritten and fidelity's writes stay as they are), their indexes, and an FTS5 index kept in
// step by triggers, so every write path (live, catch-up, backfill, edits) is searchable.
import type Database from 'better-sqlite3';

// VIRTUAL generated columns can be added to an existing table (STORED ones cannot).
const DERIVED: Array<[string, string]> = [
  ['created_at', "INTEGER GENERATED ALWAYS AS (json_extract(json, '$.createdAt')) VIRTUAL"],
  ['author_id', "TEXT GENERATED ALWAYS AS (json_extract(json, '$.author.id')) VIRTUAL"],
];

export function ensureHistorySchema(db: Database.Database): void {
  const have = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_xinfo('messages')").all().map((c) => c.name));
  for (const [name, def] of DERIVED) if (!have.has(name)) db.exec(`ALTER TABLE messages ADD COLUMN ${name} ${def}`);
  db.exec('CREATE INDEX IF NOT EXISTS messages_author ON messages (channel_id, author_id, sort_key)');
  db.exec('CREATE INDEX IF NOT EXISTS messages_time ON messages (channel_id, created_at)');
  // Contentless-delete FTS (SQLite ≥ 3.43): the text is not stored twice; highlighting is done on
  // the row's own content. The rowid is the messages row's rowid.
  const fresh = !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'messages_fts'").get();
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
    content, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, json_extract(new.json, '$.content'));
  END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_ad AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.rowid;
  END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_au AFTER UPDATE OF json ON messages
    WHEN json_extract(old.json, '$.content') IS NOT json_extract(new.json, '$.content') BEGIN
    DELETE FROM messages_fts WHERE rowid = old.rowid;
    INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, json_extract(new.json, '$.content'));
  END`);
  // A database from before search existed: index what it already holds, once.
  if (fresh) db.exec("INSERT INTO messages_fts (rowid, content) SELECT rowid, json_extract(json, '$.content') FROM messages");
}
