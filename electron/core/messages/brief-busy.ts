// Work on the main connection runs on the event loop: while another program holds the database's write
// lock (DB Browser for SQLite with changes not written yet, a tool copying the file inside a transaction),
// SQLite's busy timeout (5 s) stopped the whole app for each write: the gateway, /healthz, every panel.
// These wait briefly instead and fail with SQLITE_BUSY; the caller keeps what failed in memory
// (storage-guard.ts) or does it later (the search index).
import type Database from 'better-sqlite3';

/** How long a write on the main connection waits for a lock held elsewhere. */
export const BRIEF_BUSY_MS = 250;

export const isBusy = (err: unknown): boolean => String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');

/** Runs `work` with the connection's busy timeout at `ms`, then puts the usual one back. */
export function withBriefBusyTimeout<T>(db: Database.Database, work: () => T, ms = BRIEF_BUSY_MS): T {
  const usual = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${ms}`);
  try {
    return work();
  } finally {
    db.pragma(`busy_timeout = ${usual}`);
  }
}
