// app.log with size-based rotation while running: app.log → app.1.log → … → app.<keep-1>.log, the
// oldest deleted, so the total never exceeds keep × maxBytes. Hand-written rather than pino-roll:
// pino-roll names the live file app.<n>.log (we promise a stable app.log that users can tail) and
// writes asynchronously (a crash or a relaunch must not lose the last lines).
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../fs-modes.js';

export interface RotatingFileOptions {
  dir: string;
  /** Largest size of one file, in bytes. */
  maxBytes: number;
  /** Files kept, app.log included. */
  keep: number;
}

export class RotatingFile {
  readonly file: string;
  private fd: number;
  private size: number;

  constructor(private readonly o: RotatingFileOptions) {
    mkdirSync(o.dir, { recursive: true, mode: PRIVATE_DIR });
    this.file = join(o.dir, 'app.log');
    this.fd = openSync(this.file, 'a', PRIVATE_FILE);
    this.size = fstatSync(this.fd).size;
  }

  /** Appends one line (ending with \n). A line longer than a whole file is cut to fit. */
  write(line: string): void {
    let bytes = Buffer.from(line, 'utf8');
    if (bytes.length > this.o.maxBytes) bytes = Buffer.concat([bytes.subarray(0, this.o.maxBytes - 1), Buffer.from('\n')]);
    try {
      if (this.size > 0 && this.size + bytes.length > this.o.maxBytes) this.rotate();
      writeSync(this.fd, bytes);
      this.size += bytes.length;
    } catch {
      // Disk full, or the folder was deleted: losing a log line beats crashing the caller. The next
      // rotation (forced here) recreates the folder and the file.
      this.size = this.o.maxBytes;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private rotate(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    mkdirSync(this.o.dir, { recursive: true, mode: PRIVATE_DIR });
    const name = (i: number) => (i === 0 ? this.file : join(this.o.dir, `app.${i}.log`));
    rmSync(name(this.o.keep - 1), { force: true });
    for (let i = this.o.keep - 2; i >= 0; i--) if (existsSync(name(i))) renameSync(name(i), name(i + 1));
    this.fd = openSync(this.file, 'a', PRIVATE_FILE);
    this.size = 0;
  }
}
