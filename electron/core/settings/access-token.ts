// The headless panel's access token, in its own 0600 file beside the bot token's: a corrupt
// settings.json (moved aside, defaults in use) must not change it and break bookmarked panel URLs.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { writePrivateFileSync } from '../fs-modes.js';
import { isWriteFault } from '../write-fault.js';

// What we generate (base64url of 24 bytes) or a user-chosen value of the same alphabet.
const VALID = /^[\w-]{16,200}$/;

export class AccessTokenFile {
  /** A token that could not be written (a read-only or full folder): used this run, a new one next start. */
  private unsaved: string | null = null;

  constructor(readonly file: string) {}

  read(): string | null {
    try {
      const value = readFileSync(this.file, 'utf8').trim();
      return VALID.test(value) ? value : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Keeps a token already there; else stores `preferred` (moved out of settings.json) or a new one. */
  ensure(preferred?: string | null): string {
    const current = this.read() ?? this.unsaved;
    if (current) return current;
    const value = preferred && VALID.test(preferred) ? preferred : randomBytes(24).toString('base64url');
    try {
      writePrivateFileSync(this.file, value);
    } catch (err) {
      if (!isWriteFault(err)) throw err;
      // The panel still opens (the address printed carries it); the folder's notice says why it is not kept.
      rmSync(`${this.file}.${process.pid}.tmp`, { force: true });
      this.unsaved = value;
    }
    return value;
  }
}
