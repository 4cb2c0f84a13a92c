// Fills the search index behind the live path: rows are inserted bare during a burst (so ingest
// keeps up with Discord) and indexed in small chunks once writes pause; a search first indexes
// whatever is left, so it never misses a stored message. WAL checkpoints move here too: SQLite's
// automatic one ran inside a burst's commit (100–230 ms for 4 MB) and stalled the event loop.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { isBusy, withBriefBusyTimeout } from './brief-busy.js';
import { REDO_SQL, redoStep } from './emoji-redo.js';
import { withEmojiWords } from './emoji-words.js';
import { FTS_VALUES_SQL } from './history-schema.js';

const CHUNK = 500;
/** No new row for this long counts as a pause in the traffic. */
const QUIET_MS = 300;
/** The automatic checkpoint only as a safety net during a flood that never pauses (64 MB of WAL). */
export const AUTO_CHECKPOINT_PAGES = 16_384;

/** One indexing step's statements, run here (a search's catch-up) or by the store's write thread. */
export const INDEX_SQL = {
  chunk: CHUNK,
  watermark: 'SELECT last_rowid FROM fts_progress WHERE id = 1',
  rows: 'SELECT max(rowid) AS r FROM (SELECT rowid FROM messages WHERE rowid > ? ORDER BY rowid LIMIT ?)',
  fts: `INSERT INTO messages_fts (rowid, content, author, has) SELECT ${FTS_VALUES_SQL} FROM messages WHERE rowid > ? AND rowid <= ?`,
  authors: `INSERT INTO authors (author_id, username, display_name)
      SELECT json_extract(json, '$.author.id'), json_extract(json, '$.author.username'), json_extract(json, '$.author.displayName')
      FROM messages WHERE rowid > ? AND rowid <= ? ORDER BY rowid
      ON CONFLICT (author_id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name`,
  // emoji_to with it: rows indexed with emoji words (history-schema.ts, fts_progress_bare).
  advance: 'UPDATE fts_progress SET last_rowid = v, emoji_to = v FROM (SELECT ? AS v) WHERE id = 1',
};

/** What the store's write thread runs for the indexer: a step, a redo step (emoji-redo.ts), a checkpoint. */
export type BackgroundTask = 'index' | 'redo' | 'checkpoint';

/** Runs a step or a checkpoint off the event loop (the store's write thread); `done` gets the rows indexed. */
export interface BackgroundWork {
  run(task: BackgroundTask, done: (err: Error | null, indexed: number) => void): void;
  /** False once no thread can run here (SQLite cannot load in it): the work stays on this connection. */
  readonly usable?: boolean;
}

export class FtsIndexer {
  private readonly step: () => number;
  private readonly redo: () => number;
  private readonly redoLeft: Database.Statement<[], { n: number }>;
  private readonly newest: Database.Statement<[], { n: number | null }>;
  private readonly indexed: Database.Statement<[], { last_rowid: number }>;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastSeenMax = -1;

  private checkpointed = true;
  /** A read of the timer failed and was logged: said once until the reads work again. */
  private readFailing = false;

  /** `background`: where the pauses' indexing and checkpoints run (null: on this connection, in the event loop). */
  constructor(
    private readonly db: Database.Database,
    private readonly background: BackgroundWork | null = null,
    private readonly logger: { warn(message: string): void } | null = null,
  ) {
    withEmojiWords(db);
    const watermark = db.prepare<[], { last_rowid: number }>(INDEX_SQL.watermark);
    const rows = db.prepare<[number, number], { r: number }>(INDEX_SQL.rows);
    const fts = db.prepare(INDEX_SQL.fts);
    const authors = db.prepare(INDEX_SQL.authors);
    const advance = db.prepare(INDEX_SQL.advance);
    this.newest = db.prepare('SELECT max(rowid) AS n FROM messages');
    this.indexed = watermark;
    // IMMEDIATE: the store's write thread commits beside this connection, and a transaction that read
    // before it writes fails at once (SQLITE_BUSY_SNAPSHOT) when a commit came in between.
    const step = db.transaction(() => {
      const from = watermark.get()!.last_rowid;
      const to = rows.get(from, CHUNK)?.r;
      if (to === null || to === undefined) return 0;
      fts.run(from, to);
      authors.run(from, to);
      advance.run(to);
      return to - from;
    });
    this.step = () => step.immediate();
    this.redo = redoStep(db);
    this.redoLeft = db.prepare(REDO_SQL.left);
  }

  /**
   * Indexes everything not indexed yet (before a search). While another program holds the database's
   * write lock it searches what is indexed: waiting SQLite's busy timeout (5 s) here stopped the event
   * loop, then failed the search. The pauses' indexing catches up once the lock is gone.
   */
  catchUp(): void {
    try {
      withBriefBusyTimeout(this.db, () => {
        while (this.step() > 0);
      });
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
  }

  /**
   * catchUp() without holding up the event loop: on the write thread a chunk at a time (in order with the
   * live batches), else here with a turn between chunks. ~9 µs a row: a search right after a 100,000-message
   * backfill (written without a pause, so not indexed) held the loop 0.9 s. Up to the rows stored when
   * asked: a flood arriving meanwhile is not chased. Stops at a failure (a lock held by another program, a
   * faulty disk): what is indexed is searched, and catchUp() says the error.
   */
  async caughtUp(): Promise<void> {
    const background = this.background?.usable === false ? null : this.background;
    let target: number;
    try {
      target = this.newest.get()?.n ?? 0;
    } catch {
      return;
    }
    for (;;) {
      let indexed: number;
      try {
        if ((this.indexed.get()?.last_rowid ?? 0) >= target) return;
        indexed = background ? await new Promise<number>((resolve, reject) => background.run('index', (err, n) => (err ? reject(err) : resolve(n)))) : withBriefBusyTimeout(this.db, this.step);
      } catch {
        return;
      }
      if (indexed <= 0) return;
      if (!background) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private checkpoint(): void {
    this.checkpointed = true;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or faulty disk: the next pause tries again; the storage guard reports write faults.
      this.checkpointed = false;
    }
  }

  /** Indexes in the background, a chunk at a time, whenever the writes pause. */
  start(intervalMs = QUIET_MS): void {
    if (!this.db.memory) this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    this.running = true;
    const next = (ms: number) => {
      if (!this.running) return;
      this.timer = setTimeout(tick, ms);
      this.timer.unref();
    };
    const tick = () => {
      this.timer = null;
      // The first look counts as quiet, with a checkpoint due only if the WAL holds something: an app
      // that starts idle (its WAL truncated at open) starts no write thread for nothing.
      const first = this.lastSeenMax === -1;
      let max: number;
      let indexedTo: number;
      let redo: boolean;
      // In a timer nothing catches a throw (the app would stop): a failed read (EIO, a lock or schema
      // change of another process) is logged once and tried again at the next tick.
      try {
        max = this.newest.get()?.n ?? 0;
        indexedTo = this.indexed.get()?.last_rowid ?? 0;
        // Older rows' emoji words once the new rows are indexed: a search reads the text of those not redone.
        redo = indexedTo >= max && this.redoLeft.get()?.n === 1;
        if (first) this.checkpointed = this.db.memory || (statSync(`${this.db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0;
      } catch (err) {
        if (!this.readFailing) this.logger?.warn(`Search indexing paused: the message database could not be read (${err instanceof Error ? err.message : String(err)}). It retries on its own; if this repeats, check the disk holding ${this.db.name}.`);
        this.readFailing = true;
        return next(intervalMs);
      }
      this.readFailing = false;
      const quiet = max === this.lastSeenMax || first;
      this.lastSeenMax = max;
      if (!quiet) {
        this.checkpointed = false;
        return next(intervalMs);
      }
      // Nothing to index and nothing written since the last checkpoint: no transaction, no lock, no thread.
      if (this.checkpointed && indexedTo >= max && !redo) return next(intervalMs);
      // On the write thread, a chunk and a checkpoint (up to 100+ ms for a big WAL) never hold up the event loop.
      const background = this.background?.usable === false ? null : this.background;
      if (background) {
        return background.run(redo ? 'redo' : 'index', (err, indexed) => {
          const more = !err && indexed > 0;
          if (!more && !this.checkpointed) {
            this.checkpointed = true;
            background.run('checkpoint', (failed) => (this.checkpointed &&= failed === null));
          }
          next(more ? 5 : intervalMs);
        });
      }
      // One chunk per tick while quiet keeps each pause in the event loop short (a few ms).
      let more = false;
      try {
        // Briefly: SQLite's 5 s wait for another program's lock stood the event loop still at every tick.
        more = withBriefBusyTimeout(this.db, redo ? this.redo : this.step) > 0;
      } catch {
        // Busy or a faulty disk: the next pause tries again (a search's catch-up says the error).
      }
      if (!more && !this.checkpointed) this.checkpoint();
      next(more ? 5 : intervalMs);
    };
    next(intervalMs);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
