// Files the app writes are readable by the user alone: the data folder is 0700 and every file 0600
// (settings, tokens, SQLite + WAL/SHM, logs, journal, backups). Set at creation, repaired at start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { coreText, type CoreSentence } from '../../shared/core-text.js';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

// Windows has no POSIX modes: Node maps them to a read-only flag, and the profile folder is private already.
const POSIX = process.platform !== 'win32';

/** Creates the folder (and parents) 0700; an existing one is left to `tightenModes`. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Creates an empty 0600 file if missing, so a library that opens it later (SQLite) keeps that mode. */
export function touchPrivateFile(file: string): void {
  if (existsSync(file)) return;
  closeSync(openSync(file, 'a', PRIVATE_FILE));
}

/** Atomic write (temp file + rename) of a 0600 file: a crash leaves the old or the new, never half. */
export function writePrivateFileSync(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: PRIVATE_FILE });
  if (POSIX) chmodSync(tmp, PRIVATE_FILE);
  renameSync(tmp, file);
}

// What the app writes at the top of the data folder. Electron's userData also holds Chromium's own
// files (caches, Local State): those are Chromium's business, not repaired here.
const APP_ENTRY = /^(settings|token|access-token|notices|messages\.sqlite|last-seen|identify-gate|session\.(lock|owner)|backfill|delete-all-run|update-journal|resume-bot|logs$|backups$|message-backups$)/;
export const isAppEntry = (name: string): boolean => APP_ENTRY.test(name);

/** A path's real path; one not there yet: its folder's real path and its name. */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return join(realpathSyncOr(dirname(p)), basename(p));
  }
}

/** `path` is `dir` or inside it (links followed). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(real(dir), real(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `path` is one of the app's own files or folders in `dataDir` (or inside one): never a place to write an export. */
export function isAppPath(dataDir: string, path: string): boolean {
  const rel = relative(real(dataDir), real(path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return rel === '';
  return isAppEntry(rel.split(sep)[0]!);
}

function realpathSyncOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Tightens what the app wrote to 0700/0600, e.g. a 0644 settings.json left by 3.0: the data folder,
 * its app entries (recursively) and the log folder. Returns one sentence per change, for the log.
 */
export function tightenModes(dataDir: string, logDir: string): string[] {
  return tightenModesSaid(dataDir, logDir).map((s) => s.text);
}

/** The same, each sentence by key too (for the panel's language). */
export function tightenModesSaid(dataDir: string, logDir: string): CoreSentence[] {
  if (!POSIX) return [];
  const changed: CoreSentence[] = [];
  const octal = (mode: number) => mode.toString(8).padStart(4, '0');
  const fix = (path: string, want: number) => {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) === 0) return;
    try {
      chmodSync(path, want);
    } catch {
      // A read-only folder: nothing to repair now; the next start that can write tightens it.
      return;
    }
    changed.push(coreText('log.tightened', { path, from: octal(mode), to: octal(want) }));
  };
  const walk = (dir: string, only: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    fix(dir, PRIVATE_DIR);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!only(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, () => true);
      else if (entry.isFile()) fix(path, PRIVATE_FILE);
    }
  };
  walk(dataDir, isAppEntry);
  walk(logDir, () => true);
  return changed;
}
