// app.log with size-based rotation while running: app.log → app.1.log → … → app.<keep-1>.log, the
// oldest deleted, so the total never exceeds keep × maxBytes. Hand-written rather than pino-roll:
// pino-roll names the live file app.<n>.log (we promise a stable app.log that users can tail) and
// writes asynchronously (a crash or a relaunch must not lose the last lines).
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../fs-modes.js';

export interface RotatingFileOptions {
  dir: string;
  /** Largest size of one file, in bytes. */
  maxBytes: number;
  /** Files kept, app.log included. */
  keep: number;
}

/** How often a writer checks that app.log is still the file it appends to (another process may rotate it). */
const FOLLOW_EVERY_MS = 1000;

export class RotatingFile {
  readonly file: string;
  private fd: number;
  private size: number;
  private ino = 0;
  private checkedAt = 0;
  /** Why app.log could not be opened at start (a read-only or full data folder): null when it was. */
  readonly problem: Error | null = null;

  constructor(private readonly o: RotatingFileOptions) {
    this.file = join(o.dir, 'app.log');
    this.fd = -1;
    this.size = 0;
    try {
      this.reopen();
    } catch (err) {
      // Not a reason not to start: lines go to the panel (and stdout) meanwhile; write() opens it once it can.
      this.problem = err instanceof Error ? err : new Error(String(err));
    }
  }

  /** Appends one line (ending with \n). A line longer than a whole file is cut to fit. */
  write(line: string): void {
    let bytes = Buffer.from(line, 'utf8');
    if (bytes.length > this.o.maxBytes) bytes = Buffer.concat([bytes.subarray(0, this.o.maxBytes - 1), Buffer.from('\n')]);
    try {
      if (this.fd < 0) this.reopen();
      else this.follow();
      if (this.size > 0 && this.size + bytes.length > this.o.maxBytes) this.rotate();
      writeSync(this.fd, bytes);
      this.size += bytes.length;
    } catch {
      // Disk full, read-only, or the folder deleted: losing a log line beats crashing the caller. Nothing
      // is rotated (forcing it shifted every earlier file out, one failed line at a time, on a full
      // disk); the next line opens app.log again, recreating the folder if it went.
      try {
        this.close();
      } catch {
        this.fd = -1;
      }
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /**
   * During a handover the old process and the new one both append here: when the other one rotated
   * app.log, continue in the new file (not the renamed one), and count what it wrote toward the bound.
   */
  private follow(): void {
    const now = Date.now();
    if (now - this.checkedAt < FOLLOW_EVERY_MS) return;
    this.checkedAt = now;
    const st = statSync(this.file, { throwIfNoEntry: false });
    if (st && st.ino === this.ino) this.size = st.size;
    else this.reopen();
  }

  private reopen(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    mkdirSync(this.o.dir, { recursive: true, mode: PRIVATE_DIR });
    this.fd = openSync(this.file, 'a', PRIVATE_FILE);
    const st = fstatSync(this.fd);
    this.size = st.size;
    this.ino = st.ino;
  }

  private rotate(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    mkdirSync(this.o.dir, { recursive: true, mode: PRIVATE_DIR });
    const name = (i: number) => (i === 0 ? this.file : join(this.o.dir, `app.${i}.log`));
    rmSync(name(this.o.keep - 1), { force: true });
    for (let i = this.o.keep - 2; i >= 0; i--) if (existsSync(name(i))) renameSync(name(i), name(i + 1));
    this.reopen();
  }
}
