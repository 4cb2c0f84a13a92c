// Opens the message database at start. A damaged file (not a database, a page malformed: a disk error, a
// copy cut short, a file overwritten by hand) used to stop the app before the panel or the bot came up.
// It is now set aside beside the original, with its -wal and -shm, under a dated name the user is told,
// and a new database starts: monitoring goes on, and catch-up refetches from the last message seen.
// A folder that cannot be written at start (read-only, a full disk) stopped the app too: messages are
// then kept in an in-memory database for this run, said in a notice; the resume point is left as it
// was (app-core), so the next start, once the folder is usable, fetches what was posted meanwhile.
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { touchPrivateFile } from '../fs-modes.js';
import { unwritableWhy } from '../write-fault.js';
import { MessageStore } from './store.js';

export interface OpenedStore {
  store: MessageStore;
  /** Said when the file was damaged and set aside (where it went): null when it opened as it was. */
  setAside: CoreSentence | null;
  /** Said when the file could not be opened and messages are kept in memory this run: null when stored. */
  inMemory: CoreSentence | null;
}

/** SQLite's words for a file that is not a usable database (better-sqlite3 gives codes, older builds only text). */
export function isDamaged(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) return true;
  return /file is not a database|database disk image is malformed/i.test(String((err as { message?: unknown }).message ?? err));
}

export function openMessageStore(file: string, redact: (json: string) => string, now = new Date()): OpenedStore {
  let setAside: CoreSentence | null = null;
  try {
    try {
      // Created 0600 first: SQLite gives its -wal and -shm files the database file's mode.
      touchPrivateFile(file);
      return { store: opened(file, redact), setAside, inMemory: null };
    } catch (err) {
      // Anything else (a full disk, a lock, a read-only folder) is not the file's fault: moving it would not help.
      if (!isDamaged(err)) throw err;
      const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
      setAside = coreText('notice.messagesSetAside', { path: aside, reason: err instanceof Error ? err.message : String(err) });
      return { store: opened(file, redact), setAside, inMemory: null };
    }
  } catch (err) {
    return { store: opened(':memory:', redact), setAside, inMemory: inMemorySaid(err, dirname(file)) };
  }
}

function inMemorySaid(err: unknown, dir: string): CoreSentence {
  return coreText('notice.messagesInMemory', { dir, ...unwritableWhy(err, dir) });
}

function opened(file: string, redact: (json: string) => string): MessageStore {
  const store = new MessageStore(file, redact);
  try {
    // Reads every row: a malformed page deeper in the file shows here, not at open.
    store.redactStored();
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}
