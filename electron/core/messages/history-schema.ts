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
  // Authors by name, so from:/mentions: and top authors need no scan of every row's JSON.
  db.exec('CREATE TABLE IF NOT EXISTS authors (author_id TEXT PRIMARY KEY, username TEXT, display_name TEXT)');
  // Contentless-delete FTS (SQLite ≥ 3.43): the text is not stored twice. Its rowid is the snowflake
  // itself, so "newest first" is FTS5's own rowid order and a date range is a rowid range.
  const fresh = !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'messages_fts'").get();
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
    content, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, content) VALUES (CAST(new.id AS INTEGER), json_extract(new.json, '$.content'));
    INSERT INTO authors (author_id, username, display_name)
      VALUES (json_extract(new.json, '$.author.id'), json_extract(new.json, '$.author.username'), json_extract(new.json, '$.author.displayName'))
      ON CONFLICT (author_id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name
      WHERE display_name IS NOT excluded.display_name OR username IS NOT excluded.username;
  END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_ad AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = CAST(old.id AS INTEGER);
  END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_au AFTER UPDATE OF json ON messages
    WHEN json_extract(old.json, '$.content') IS NOT json_extract(new.json, '$.content') BEGIN
    DELETE FROM messages_fts WHERE rowid = CAST(old.id AS INTEGER);
    INSERT INTO messages_fts (rowid, content) VALUES (CAST(new.id AS INTEGER), json_extract(new.json, '$.content'));
  END`);
  // A database from before search existed: index what it already holds, once.
  if (fresh) {
    db.exec("INSERT INTO messages_fts (rowid, content) SELECT CAST(id AS INTEGER), json_extract(json, '$.content') FROM messages");
    db.exec(`INSERT OR REPLACE INTO authors SELECT json_extract(json, '$.author.id'), json_extract(json, '$.author.username'),
      json_extract(json, '$.author.displayName') FROM messages ORDER BY sort_key`);
  }
}
