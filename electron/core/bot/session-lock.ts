// One gateway session per data folder, across processes: two copies of the app on one folder (the desktop
// app and a headless service sharing ~/.config/Discord Monitor, a second `npm run headless`) each
// connected with the same token, and Discord saw two sessions. An update's successor waits for its
// predecessor to let go (its sockets closed), as a second copy waits, then is refused.
//
// Two locks, both let go by the OS when their process dies (a SIGKILL leaves no stale lock), both refused
// to a second taker in the same process too:
// - on Linux, a name in the abstract socket namespace derived from the folder's real path: it needs no
//   file, so it holds on a read-only folder (where SQLite's lock is none: a read-only connection's
//   BEGIN EXCLUSIVE takes no lock) and on a full disk (where SQLite's fails);
// - everywhere, SQLite's exclusive lock on a file of its own (macOS and Windows have no abstract names).
//   On Linux, a folder that refuses it for want of writes is not a reason not to connect: the name holds.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { touchPrivateFile, writePrivateFileSync } from '../fs-modes.js';

/** How long a start waits for the copy that holds the folder to let go (an update's predecessor closing). */
export const SESSION_WAIT_MS = 15_000;
const POLL_MS = 50;
const ABSTRACT = process.platform === 'linux';

/** Another copy of the app holds this data folder's gateway session. */
export class SessionElsewhereError extends Error {
  constructor(readonly pid: number | null) {
    super(`another Discord Monitor using this data folder is connected to Discord${pid ? ` (process ${pid})` : ''}`);
    this.name = 'SessionElsewhereError';
  }
}

export class SessionLock {
  private db: Database.Database | null = null;
  private name: Server | null = null;

  constructor(private readonly dataDir: string) {}

  get held(): boolean {
    return this.name !== null || this.db !== null;
  }

  /** Takes the lock, waiting up to `waitMs` for another holder; throws SessionElsewhereError after that, or once `signal` aborts. */
  async acquire(waitMs = SESSION_WAIT_MS, signal?: AbortSignal): Promise<void> {
    if (this.held) return;
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await this.tryTake()) return;
      if (Date.now() >= deadline || signal?.aborted) throw new SessionElsewhereError(this.holder());
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  release(): void {
    const db = this.db;
    const name = this.name;
    this.db = null;
    this.name = null;
    // The socket's name goes with its descriptor, at once (close() does not wait for connections: there are none).
    name?.close();
    if (!db) return;
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }

  private async tryTake(): Promise<boolean> {
    // The file first, synchronously: whatever it writes happens before acquire() first waits, so a
    // shutdown that stops a connecting bot leaves no write after it (test/shell's late-write check).
    let fileHeld = false;
    try {
      if (!this.takeFile()) return false;
      fileHeld = true;
    } catch (err) {
      // A read-only or full folder: the name alone holds (Linux); elsewhere nothing would, so say it.
      if (!ABSTRACT) throw err;
    }
    if (fileHeld) {
      try {
        writePrivateFileSync(join(this.dataDir, 'session.owner'), String(process.pid));
      } catch {
        // Only the message naming the holder's pid depends on it: the lock holds without.
      }
    }
    if (ABSTRACT && !(await this.takeName())) {
      this.release();
      return false;
    }
    return true;
  }

  /** Binds the folder's abstract name; false when another process (or this one) has it. */
  private takeName(): Promise<boolean> {
    const server = createServer((socket) => socket.destroy());
    return new Promise((done, fail) => {
      server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? done(false) : fail(err)));
      server.listen({ path: `\0${abstractName(this.dataDir)}`, exclusive: true }, () => {
        server.unref();
        this.name = server;
        done(true);
      });
    });
  }

  /** SQLite's exclusive lock on session.lock; false when another connection holds it. */
  private takeFile(): boolean {
    const file = join(this.dataDir, 'session.lock');
    // 0600 like every file in the data folder: SQLite keeps the mode of a file that exists.
    touchPrivateFile(file);
    const db = new Database(file, { timeout: 0 });
    try {
      // A rollback journal (not WAL): EXCLUSIVE then keeps every other connection out, readers too.
      db.pragma('journal_mode = DELETE');
      db.exec('BEGIN EXCLUSIVE');
      this.db = db;
      return true;
    } catch (err) {
      db.close();
      if (String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) return false;
      throw err;
    }
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

/** The folder's name in the abstract namespace: its real path (two spellings, one folder), hashed to fit. */
export function abstractName(dataDir: string): string {
  let path = resolve(dataDir);
  try {
    path = realpathSync(path);
  } catch {
    // A folder not there yet: its spelled path.
  }
  return `discord-monitor/session/${createHash('sha256').update(path).digest('hex').slice(0, 40)}`;
}
