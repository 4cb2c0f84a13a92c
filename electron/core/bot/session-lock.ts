// One gateway session per data folder, across processes: two copies of the app on one folder (the desktop
// app and a headless service sharing ~/.config/Discord Monitor, a second `npm run headless`) each
// connected with the same token, and Discord saw two sessions. The lock is SQLite's exclusive lock on a
// file of its own: the OS lets go of it when its process dies (a SIGKILL leaves no stale lock), and
// SQLite refuses it to a second connection in the same process too. An update's successor waits for
// its predecessor to let go (its sockets closed), as a second copy waits, then is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { touchPrivateFile, writePrivateFileSync } from '../fs-modes.js';

/** How long a start waits for the copy that holds the folder to let go (an update's predecessor closing). */
export const SESSION_WAIT_MS = 15_000;
const POLL_MS = 50;

/** Another copy of the app holds this data folder's gateway session. */
export class SessionElsewhereError extends Error {
  constructor(readonly pid: number | null) {
    super(`another Discord Monitor using this data folder is connected to Discord${pid ? ` (process ${pid})` : ''}`);
    this.name = 'SessionElsewhereError';
  }
}

export class SessionLock {
  private db: Database.Database | null = null;

  constructor(private readonly dataDir: string) {}

  get held(): boolean {
    return this.db !== null;
  }

  /** Takes the lock, waiting up to `waitMs` for another holder; throws SessionElsewhereError after that, or once `signal` aborts. */
  async acquire(waitMs = SESSION_WAIT_MS, signal?: AbortSignal): Promise<void> {
    if (this.db) return;
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (this.tryTake()) return;
      if (Date.now() >= deadline || signal?.aborted) throw new SessionElsewhereError(this.holder());
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  release(): void {
    const db = this.db;
    this.db = null;
    if (!db) return;
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }

  private tryTake(): boolean {
    const file = join(this.dataDir, 'session.lock');
    // 0600 like every file in the data folder: SQLite keeps the mode of a file that exists.
    touchPrivateFile(file);
    const db = new Database(file, { timeout: 0 });
    try {
      // A rollback journal (not WAL): EXCLUSIVE then keeps every other connection out, readers too.
      db.pragma('journal_mode = DELETE');
      db.exec('BEGIN EXCLUSIVE');
      this.db = db;
    } catch (err) {
      db.close();
      if (String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) return false;
      throw err;
    }
    // Said to a copy that is refused (best effort: the lock is the SQLite one, not this file).
    try {
      writePrivateFileSync(join(this.dataDir, 'session.owner'), String(process.pid));
    } catch {
      // a folder that refuses writes still locks; the refusal then names no process
    }
    return true;
  }

  private holder(): number | null {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'session.owner'), 'utf8'));
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }
}
