// Gives the rows indexed before emoji words existed (layout 3) their words, in the background: a chunk
// at a time in the traffic's pauses (FtsIndexer; on the write thread when there is one), newest first,
// so recent history is narrowed soonest. The marker (fts_progress.emoji_below) moves down with each
// chunk's commit: a kill leaves it where the last chunk ended, and the next start goes on from there.
// Rows queued in fts_emoji_pending (edited, or indexed by another program without the words) go first.
import type Database from 'better-sqlite3';
import { FTS_VALUES_SQL } from './history-schema.js';

/** One redo step's statements, run here or by the write thread. Snowflakes pass as BigInt (beyond 2^53). */
export const REDO_SQL = {
  chunk: 500,
  queued: 'SELECT id FROM fts_emoji_pending ORDER BY id DESC LIMIT ?',
  below: 'SELECT emoji_below AS below FROM fts_progress WHERE id = 1',
  older: 'SELECT rowid AS id FROM messages_fts WHERE rowid < ? ORDER BY rowid DESC LIMIT ?',
  drop: 'DELETE FROM messages_fts WHERE rowid IN (SELECT value FROM json_each(?))',
  // Only rows the indexer reached: one above its watermark would be indexed twice.
  fts: `INSERT INTO messages_fts (rowid, content, author, has) SELECT ${FTS_VALUES_SQL} FROM messages
    WHERE id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) AND rowid <= (SELECT last_rowid FROM fts_progress WHERE id = 1)`,
  dequeue: 'DELETE FROM fts_emoji_pending WHERE id IN (SELECT value FROM json_each(?))',
  advance: 'UPDATE fts_progress SET emoji_below = ? WHERE id = 1',
  /** Whether a step has anything to do. */
  left: 'SELECT emoji_below > 0 OR EXISTS (SELECT 1 FROM fts_emoji_pending) AS n FROM fts_progress WHERE id = 1',
};

/**
 * The redo step on `db` (which has emoji_words()): redoes up to `chunk` rows in one IMMEDIATE
 * transaction and answers how many (0: nothing left, the marker is then 0).
 */
export function redoStep(db: Database.Database, chunk = REDO_SQL.chunk): () => number {
  const queued = db.prepare<[number], { id: bigint }>(REDO_SQL.queued).safeIntegers();
  const below = db.prepare<[], { below: bigint }>(REDO_SQL.below).safeIntegers();
  const older = db.prepare<[bigint, number], { id: bigint }>(REDO_SQL.older).safeIntegers();
  const drop = db.prepare(REDO_SQL.drop);
  const fts = db.prepare(REDO_SQL.fts);
  const dequeue = db.prepare(REDO_SQL.dequeue);
  const advance = db.prepare(REDO_SQL.advance);
  const step = db.transaction(() => {
    let ids = queued.all(chunk).map((r) => r.id);
    const fromQueue = ids.length > 0;
    if (!fromQueue) {
      const from = below.get()?.below ?? 0n;
      if (from <= 0n) return 0;
      ids = older.all(from, chunk).map((r) => r.id);
    }
    const list = `[${ids.join(',')}]`;
    drop.run(list);
    fts.run(list);
    if (fromQueue) dequeue.run(list);
    else advance.run(ids.at(-1) ?? 0n);
    return ids.length;
  });
  // IMMEDIATE: the write thread commits beside this connection (see FtsIndexer).
  return () => step.immediate();
}

/** An id above every snowflake: no row is known to hold emoji words. */
const NONE = 9223372036854775807n;

export interface EmojiCoverage {
  /** Rows at or above this snowflake hold their emoji words, but those queued. */
  below: bigint;
  /** Some rows are queued for their words. */
  queued: boolean;
}

/** Where the emoji words stand; a store this version never opened (an export of an older one's file): nowhere. */
export function emojiCoverage(db: Database.Database): EmojiCoverage {
  try {
    const row = db
      .prepare<[], { below: string; queued: number }>('SELECT CAST(emoji_below AS TEXT) AS below, EXISTS (SELECT 1 FROM fts_emoji_pending) AS queued FROM fts_progress WHERE id = 1')
      .get();
    return row ? { below: BigInt(row.below), queued: row.queued === 1 } : { below: NONE, queued: false };
  } catch (err) {
    if (!/no such (column|table)/.test(String((err as Error).message))) throw err;
    return { below: NONE, queued: false };
  }
}
