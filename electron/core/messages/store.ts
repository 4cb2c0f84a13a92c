// Recent messages, kept in SQLite so a restart (an update, a crash) does not empty the panel, and so
// catch-up after a restart deduplicates against what was already shown.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ChatMessage } from '../../../shared/types.js';
import { ensureHistorySchema } from './history-schema.js';
import { AUTO_CHECKPOINT_PAGES, INDEX_SQL, type BackgroundWork } from './fts-indexer.js';
import { REDO_SQL } from './emoji-redo.js';
import { EMOJI_PATTERN } from './emoji-words.js';
import { BRIEF_BUSY_MS, isBusy, withBriefBusyTimeout } from './brief-busy.js';
import { messageJson } from './message-json.js';
import { WriteThread, type WriteThreadOptions, type Written } from './write-thread.js';

/** Digits without a leading zero: such ids order by length, then as text. */
const CANONICAL = /^[1-9][0-9]*$/;

export const snowflakeCompare = (a: string, b: string): number => {
  // Every live message compares its id (the resume point, the newest stored): two BigInts each were garbage in a burst.
  if (CANONICAL.test(a) && CANONICAL.test(b)) return a.length !== b.length ? (a.length < b.length ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

// Zero-padded so that text order is snowflake order.
const key = (id: string) => id.padStart(20, '0');
/** Rows per multi-row INSERT in addMany (4 parameters each, far below SQLite's 32,766). */
const ROWS_PER_INSERT = 32;
const INSERT_SQL = 'INSERT OR IGNORE INTO messages (id, channel_id, sort_key, json) VALUES (?, ?, ?, ?)';
const INSERT_MANY_SQL = `INSERT OR IGNORE INTO messages (id, channel_id, sort_key, json) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?)').join(', ')}`;

export class MessageStore {
  private db: Database.Database;
  private statements;
  /** Writes live batches off the event loop; null for ':memory:' (one connection only), written inline. */
  private readonly thread: WriteThread | null;
  /** The folder holding the database, for sentences about disk faults. */
  readonly folder: string;

  /**
   * `file` ':memory:' keeps nothing across restarts (tests of the store itself). `redact` scrubs known
   * secrets from each row's JSON before it is written, so the file and its WAL never hold the bot token.
   */
  constructor(
    file: string,
    private readonly redact: (json: string) => string = (json) => json,
    /** The write thread's idle time and SQLite module (tests). */
    thread: Omit<WriteThreadOptions, 'inline'> = {},
  ) {
    this.folder = file === ':memory:' ? '(memory)' : dirname(file);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL survives an app crash; only an OS crash may lose the last commits, which catch-up refetches.
      this.db.pragma('synchronous = NORMAL');
      // Deleted and rewritten content is zeroed, so a redacted row leaves no old copy in free space.
      this.db.pragma('secure_delete = ON');
      this.db.exec(`CREATE TABLE IF NOT EXISTS messages (
        id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, sort_key TEXT NOT NULL, json TEXT NOT NULL)`);
      this.db.exec('CREATE INDEX IF NOT EXISTS messages_channel ON messages (channel_id, sort_key)');
      // Server display names, so messages fetched over REST (which carry no member) after a restart
      // show the same name as live ones.
      this.db.exec(`CREATE TABLE IF NOT EXISTS member_names (
        guild_id TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL, PRIMARY KEY (guild_id, user_id))`);
      ensureHistorySchema(this.db);
      this.statements = {
        get: this.db.prepare<[string], { json: string }>('SELECT json FROM messages WHERE id = ?'),
        insert: this.db.prepare(INSERT_SQL),
        // One statement per ROWS_PER_INSERT rows: a run() per row (bind, step, reset across the native boundary) was a quarter of the write.
        insertMany: this.db.prepare(INSERT_MANY_SQL),
        update: this.db.prepare('UPDATE messages SET json = ? WHERE id = ?'),
        list: this.db.prepare<[string, number], { json: string }>(
          'SELECT json FROM (SELECT json, sort_key FROM messages WHERE channel_id = ? ORDER BY sort_key DESC LIMIT ?) ORDER BY sort_key',
        ),
        memberName: this.db.prepare<[string, string], { display_name: string }>('SELECT display_name FROM member_names WHERE guild_id = ? AND user_id = ?'),
        setMemberName: this.db.prepare('INSERT OR REPLACE INTO member_names (guild_id, user_id, display_name) VALUES (?, ?, ?)'),
      };
    } catch (err) {
      // A read-only or full folder fails here, after the open: the file must not stay open (nor the mount busy).
      this.db.close();
      throw err;
    }
    this.thread = file === ':memory:' ? null : new WriteThread(file, { many: INSERT_MANY_SQL, one: INSERT_SQL, rows: ROWS_PER_INSERT, autoCheckpoint: AUTO_CHECKPOINT_PAGES, index: INDEX_SQL, redo: REDO_SQL, emoji: EMOJI_PATTERN, taskBusyMs: BRIEF_BUSY_MS }, { ...thread, inline: (values) => this.insertValues(values) });
  }

  /** Runs a main-connection write with a brief wait for the lock (brief-busy.ts), unless patiently() runs. */
  private briefly<T>(write: () => T): T {
    return this.patient ? write() : withBriefBusyTimeout(this.db, write);
  }

  private patient = false;

  /** Runs `work` with its writes waiting SQLite's usual busy timeout: the last try before closing. */
  patiently<T>(work: () => T): T {
    this.patient = true;
    try {
      return work();
    } finally {
      this.patient = false;
    }
  }

  has(id: string): boolean {
    return this.statements.get.get(id) !== undefined;
  }

  get(id: string): ChatMessage | undefined {
    const row = this.statements.get.get(id);
    return row ? (JSON.parse(row.json) as ChatMessage) : undefined;
  }

  /** Adds a message; false when it was already there (a duplicate). Waits briefly for a lock held elsewhere (brief-busy.ts). */
  add(message: ChatMessage): boolean {
    // History is not capped: no prune here (it cost 70 % of a burst's time when run on every insert).
    return this.briefly(() => this.statements.insert.run(this.row(message)).changes > 0);
  }

  /** The insert's values for one message: the JSON is scrubbed before it reaches the file. */
  private row(m: ChatMessage): [string, string, string, string] {
    return [m.id, m.channelId, key(m.id), this.redact(messageJson(m))];
  }

  /** Adds many in one transaction (one WAL commit); answers how many were new. */
  addMany(messages: readonly ChatMessage[]): number {
    const values: string[] = [];
    for (const m of messages) values.push(...this.row(m));
    return this.insertValues(values);
  }

  /** Inserts rows given as 4 values each, in order, in one transaction; answers how many were new. */
  private insertValues(values: readonly string[]): number {
    const width = ROWS_PER_INSERT * 4;
    let added = 0;
    this.db.transaction(() => {
      let i = 0;
      // Rows keep their order (rowid order is what the search indexer follows); OR IGNORE skips duplicates row by row.
      for (; i + width <= values.length; i += width) added += this.statements.insertMany.run(values.slice(i, i + width)).changes;
      for (; i < values.length; i += 4) added += this.statements.insert.run(values.slice(i, i + 4)).changes;
    }).immediate();
    return added;
  }

  /**
   * addMany on the write thread: returns at once, `done` says when it is committed (or why not).
   * The JSON is built and scrubbed here, so the thread only inserts text. Readers of this connection
   * see the rows once `done` ran, or after settle().
   */
  addManyLater(messages: readonly ChatMessage[], done: Written): void {
    if (!this.thread) {
      let failed: Error | null = null;
      try {
        this.addMany(messages);
      } catch (err) {
        failed = err as Error;
      }
      return done(failed, 0);
    }
    const values: string[] = [];
    for (const m of messages) values.push(...this.row(m));
    this.thread.post(values, done);
  }

  /** The write thread, for the search indexer's work in the traffic's pauses; null for ':memory:'. */
  get background(): BackgroundWork | null {
    return this.thread;
  }

  /** True while the write thread is up. */
  get threadStarted(): boolean {
    return this.thread?.started ?? false;
  }

  /** Calls `then` once every batch handed to addManyLater so far is answered, without blocking. */
  afterCommit(then: () => void): void {
    if (this.thread) this.thread.afterAnswered(then);
    else then();
  }

  /** Waits until every batch handed to addManyLater is answered. */
  settle(): void {
    this.thread?.settle();
  }

  /** Read-only queries of history (paging, search, statistics) run on the same connection. */
  get database(): Database.Database {
    return this.db;
  }

  update(id: string, changes: Partial<ChatMessage>): ChatMessage | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...changes };
    // An edit, a reaction, a deletion: on the event loop, so briefly (brief-busy.ts).
    this.briefly(() => this.statements.update.run(this.redact(messageJson(next)), id));
    return next;
  }

  /** The last `limit` messages of a channel, oldest first. */
  list(channelId: string, limit = 200): ChatMessage[] {
    return this.statements.list.all(channelId, limit).map((r) => JSON.parse(r.json) as ChatMessage);
  }

  memberName(guildId: string, userId: string): string | undefined {
    return this.statements.memberName.get(guildId, userId)?.display_name;
  }

  setMemberName(guildId: string, userId: string, displayName: string): void {
    this.briefly(() => this.statements.setMemberName.run(guildId, userId, displayName));
  }

  /** Rewrites the rows holding a secret learnt since they were stored (an older database, a token saved later). */
  redactStored(): number {
    // A batch still in the thread was scrubbed with the old secrets: committed first, so the scan sees it.
    this.thread?.settle();
    // The scan takes no write lock: it runs at every start, also beside a running version that still writes.
    const dirty: string[] = [];
    for (const row of this.db.prepare<[], { id: string; json: string }>('SELECT id, json FROM messages').iterate()) {
      if (this.redact(row.json) !== row.json) dirty.push(row.id);
    }
    let changed = 0;
    if (dirty.length) {
      this.db.transaction(() => {
        // Re-read under the write lock: a row may have changed since the scan.
        for (const id of dirty) {
          const row = this.statements.get.get(id);
          const clean = row && this.redact(row.json);
          if (row && clean !== row.json) changed += this.statements.update.run(clean, id).changes;
        }
        // The search index's update trigger only marks the old words deleted: they stay in its segments
        // (lower-cased pieces of the secret) until merged. Merging all of them drops every deleted entry.
        if (changed && this.hasSearchIndex()) this.db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')");
        // Reads, then writes: IMMEDIATE, or a commit of the write thread in between fails it (see FtsIndexer).
      }).immediate();
    }
    // The WAL keeps old page images (from this run or a crashed one) until checkpointed and truncated.
    // Briefly: housekeeping must not hold the start 5 s while another program holds the lock (it waits for
    // writers); an incomplete checkpoint is finished by SQLite's own later.
    if (!this.db.memory) {
      try {
        withBriefBusyTimeout(this.db, () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
      } catch (err) {
        if (!isBusy(err)) throw err;
      }
    }
    return changed;
  }

  private hasSearchIndex(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'messages_fts'").get() !== undefined;
  }

  close(): void {
    this.thread?.close();
    this.db.close();
  }
}
