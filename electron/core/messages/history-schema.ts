// What history needs beyond the store's rows: columns derived from each row's JSON (virtual, so no
// row is rewritten and nothing is computed on insert) and an FTS5 index of content, author and
// "has" flags. The live path only inserts rows; the FTS index is filled behind it (FtsIndexer) up to
// a watermark, and triggers keep already-indexed rows in step with edits and deletions.
import type Database from 'better-sqlite3';
import { withEmojiWords } from './emoji-words.js';

// VIRTUAL generated columns can be added to an existing table (STORED ones cannot); unindexed, they
// cost nothing on insert.
const DERIVED: Array<[string, string]> = [
  ['created_at', "INTEGER GENERATED ALWAYS AS (json_extract(json, '$.createdAt')) VIRTUAL"],
  ['author_id', "TEXT GENERATED ALWAYS AS (json_extract(json, '$.author.id')) VIRTUAL"],
];

const IMAGE = "(json_extract(value, '$.contentType') LIKE 'image/%' OR lower(json_extract(value, '$.name')) GLOB '*.[pjgw][npie][gfe]*')";

/** The "has" words of a row (link embed file image). `messages.json`: json_each has a column named json too. */
export const HAS_WORDS_SQL = `trim(
  CASE WHEN instr(json_extract(messages.json, '$.content'), 'http://') OR instr(json_extract(messages.json, '$.content'), 'https://') THEN 'link ' ELSE '' END ||
  CASE WHEN coalesce(json_array_length(messages.json, '$.view.embeds'), 0) > 0 THEN 'embed ' ELSE '' END ||
  CASE WHEN coalesce(json_array_length(messages.json, '$.attachments'), 0) > 0 THEN 'file ' ELSE '' END ||
  CASE WHEN EXISTS (SELECT 1 FROM json_each(messages.json, '$.attachments') WHERE ${IMAGE}) THEN 'image' ELSE '' END)`;

/**
 * The words a row is found by: its content, then the text displays of its components (a
 * components-v2 message has empty content). Only a text display has a `content` key among them.
 */
export const textSql = (json: string) => `coalesce(json_extract(${json}, '$.content'), '') || coalesce(char(10) ||
  (SELECT group_concat(value, char(10)) FROM json_tree(${json}, '$.view.components') WHERE key = 'content'), '')`;
const TEXT_SQL = textSql('messages.json');

/**
 * The FTS row of a messages row: rowid is the snowflake, so newest first is the index's own order. Its
 * emoji words (emoji-words.ts) need emoji_words() on the connection: only this app's connections run it.
 */
export const FTS_VALUES_SQL = `CAST(id AS INTEGER), ${TEXT_SQL}, json_extract(json, '$.author.id'), trim(${HAS_WORDS_SQL} || ' ' || emoji_words(${TEXT_SQL}))`;

/**
 * The row without its emoji words, for the edit trigger: it also fires on another program's connection
 * (DB Browser), which has no emoji_words(), and a trigger naming it would refuse every edit there. The
 * row is queued instead (fts_emoji_pending), searched by its text until the app redoes it.
 */
const BARE_VALUES_SQL = `CAST(id AS INTEGER), ${TEXT_SQL}, json_extract(json, '$.author.id'), ${HAS_WORDS_SQL}`;

/**
 * 2: component text indexed; 3: `has:embed` read from the view (it read a top-level `embeds` no row has);
 * 4: emoji words. Rows an earlier layout indexed are redone when the version is lower (4: in the background).
 */
const FTS_LAYOUT = 4;

export function ensureHistorySchema(db: Database.Database): void {
  withEmojiWords(db);
  const have = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_xinfo('messages')").all().map((c) => c.name));
  for (const [name, def] of DERIVED) if (!have.has(name)) db.exec(`ALTER TABLE messages ADD COLUMN ${name} ${def}`);
  // Authors by name, so from:/mentions: and top authors need no scan of every row's JSON.
  db.exec('CREATE TABLE IF NOT EXISTS authors (author_id TEXT PRIMARY KEY, username TEXT, display_name TEXT)');
  // An index from an earlier layout (content only, filled by an insert trigger) is rebuilt.
  const old = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").get() as { sql: string } | undefined;
  if (old && !old.sql.includes('author')) {
    db.exec('DROP TRIGGER IF EXISTS messages_fts_ai; DROP TRIGGER IF EXISTS messages_fts_au; DROP TRIGGER IF EXISTS messages_fts_ad; DROP TABLE messages_fts; DROP TABLE IF EXISTS fts_progress');
  }
  db.exec('DROP INDEX IF EXISTS messages_author; DROP INDEX IF EXISTS messages_time');
  // Contentless-delete FTS (SQLite ≥ 3.43): the text is not stored twice.
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
    content, author, has, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`);
  db.exec('CREATE TABLE IF NOT EXISTS fts_progress (id INTEGER PRIMARY KEY CHECK (id = 1), last_rowid INTEGER NOT NULL)');
  // Inserted only when missing: an INSERT takes the write lock even when it ignores the row, and at start
  // another program (DB Browser with unwritten changes) may hold it: the app waited 5 s and did not start.
  if (!db.prepare('SELECT 1 FROM fts_progress WHERE id = 1').get()) db.exec('INSERT OR IGNORE INTO fts_progress (id, last_rowid) VALUES (1, 0)');
  ensureEmojiProgress(db);
  const indexed = '(SELECT last_rowid FROM fts_progress WHERE id = 1)';
  reindexOlderLayout(db);
  // Another program deleting the newest rows (the app never deletes one): SQLite gives their rowids again,
  // and rows stored next at or below the watermark were never indexed. The watermark comes down with them.
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_ad AFTER DELETE ON messages WHEN old.rowid <= ${indexed} BEGIN
    DELETE FROM messages_fts WHERE rowid = CAST(old.id AS INTEGER);
    UPDATE fts_progress SET last_rowid = top, emoji_to = min(emoji_to, top) FROM (SELECT coalesce(max(rowid), 0) AS top FROM messages)
      WHERE id = 1 AND last_rowid > top;
  END`);
  // Edits, link previews (embeds) and attachments change what a row is found by.
  db.exec(`CREATE TRIGGER IF NOT EXISTS messages_fts_au AFTER UPDATE OF json ON messages
    WHEN new.rowid <= ${indexed} AND old.json IS NOT new.json BEGIN
    DELETE FROM messages_fts WHERE rowid = CAST(old.id AS INTEGER);
    INSERT INTO messages_fts (rowid, content, author, has) SELECT ${BARE_VALUES_SQL} FROM messages WHERE rowid = new.rowid;
    INSERT OR IGNORE INTO fts_emoji_pending (id) VALUES (CAST(new.id AS INTEGER));
  END`);
}

/**
 * Where the emoji words stand (fts_progress): rows with a snowflake at or above `emoji_below` hold them,
 * except those queued in fts_emoji_pending; `emoji_to` is the watermark up to which this app indexed
 * them. Added as columns, so an older version's statements on fts_progress still run.
 */
function ensureEmojiProgress(db: Database.Database): void {
  const have = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('fts_progress')").all().map((c) => c.name));
  if (!have.has('emoji_to')) db.exec('ALTER TABLE fts_progress ADD COLUMN emoji_to INTEGER NOT NULL DEFAULT 0');
  // Above every snowflake (no row holds its words) until reindexOlderLayout sets it: killed between the two,
  // a 0 said every row held them, and a reader that cannot write found no emoji in the rows indexed before.
  if (!have.has('emoji_below')) db.exec('ALTER TABLE fts_progress ADD COLUMN emoji_below INTEGER NOT NULL DEFAULT 9223372036854775807');
  db.exec('CREATE TABLE IF NOT EXISTS fts_emoji_pending (id INTEGER PRIMARY KEY)');
  // An older version beside this one (a standby during an update, a downgrade) indexes rows without
  // emoji words and moves only last_rowid: those rows are queued, so a search reads their text.
  db.exec(`CREATE TRIGGER IF NOT EXISTS fts_progress_bare AFTER UPDATE OF last_rowid ON fts_progress
    WHEN new.last_rowid > new.emoji_to BEGIN
    INSERT OR IGNORE INTO fts_emoji_pending (id) SELECT CAST(id AS INTEGER) FROM messages WHERE rowid > old.last_rowid AND rowid <= new.last_rowid;
    UPDATE fts_progress SET emoji_to = new.last_rowid WHERE id = 1;
  END`);
}

/**
 * Redoes the indexed rows whose words an earlier layout left out (components, the embed flag), once.
 * The emoji words (4) concern every row: redone in the background (emoji-redo.ts), newest first, from
 * the marker set here; at open that took seconds for a million rows.
 */
function reindexOlderLayout(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS fts_layout (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)');
  const version = db.prepare<[], { version: number }>('SELECT version FROM fts_layout WHERE id = 1').get()?.version ?? 1;
  if (version >= FTS_LAYOUT) return;
  db.transaction(() => {
    // The edit trigger holds the old row words in its body, the delete trigger (4) no watermark: ensureHistorySchema creates them anew.
    db.exec('DROP TRIGGER IF EXISTS messages_fts_au; DROP TRIGGER IF EXISTS messages_fts_ad');
    if (version < 3) {
      // Rows above the watermark are indexed later by FtsIndexer with the current layout.
      const components = version < 2 ? "json_extract(json, '$.view.components') IS NOT NULL OR " : '';
      const redo = `SELECT rowid FROM messages WHERE rowid <= (SELECT last_rowid FROM fts_progress WHERE id = 1)
        AND (${components}coalesce(json_array_length(json, '$.view.embeds'), 0) > 0)`;
      db.exec(`DELETE FROM messages_fts WHERE rowid IN (SELECT CAST(id AS INTEGER) FROM messages WHERE rowid IN (${redo}))`);
      db.exec(`INSERT INTO messages_fts (rowid, content, author, has) SELECT ${FTS_VALUES_SQL} FROM messages WHERE rowid IN (${redo})`);
    }
    // Every row indexed so far lacks emoji words: those below the newest one's snowflake + 1 (none: 0).
    db.exec(`UPDATE fts_progress SET emoji_to = last_rowid,
      emoji_below = coalesce((SELECT rowid FROM messages_fts ORDER BY rowid DESC LIMIT 1) + 1, 0) WHERE id = 1`);
    db.prepare('INSERT INTO fts_layout (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version').run(FTS_LAYOUT);
  })();
}
