// A folder the app cannot write at start (a read-only mount, a full disk, wrong permissions): not a
// damaged file, so nothing is moved aside; the start goes on and says why and what to do.
import { accessSync, constants, statfsSync } from 'node:fs';
import { coreText, type I18nText } from '../../shared/core-text.js';

const WRITE_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** A write refused by the folder or the disk (not the file's content). */
export function isWriteFault(err: unknown): boolean {
  return WRITE_CODES.has(String((err as { code?: unknown }).code ?? ''));
}

/** What an error code says of the folder: read-only (or not ours to write), full, or neither. */
export function writeFaultKind(code: string): 'readOnly' | 'full' | null {
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return 'full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY')) return 'readOnly';
  return null;
}

/**
 * Why `dir` refused (read-only, full, or the error's own words) and what to do, as sentences to nest.
 * `place`: the data folder (settings, database) or a folder the user chose (backups).
 */
export function unwritableWhy(err: unknown, dir: string, place: 'data' | 'folder' = 'data'): { why: I18nText; fix: I18nText } {
  const code = String((err as { code?: unknown }).code ?? '');
  const detail = err instanceof Error ? err.message : String(err);
  const kind = writeFaultKind(code);
  if (kind === 'readOnly' || !writable(dir)) {
    return { why: coreText(place === 'data' ? 'storage.why.readOnly' : 'storage.why.folderReadOnly').i18n, fix: coreText('storage.fix.readOnly').i18n };
  }
  // SQLite says "disk I/O error" when its -shm file cannot grow: the folder's free space tells.
  if (kind === 'full' || freeBytes(dir) === 0) {
    return { why: coreText('storage.why.full').i18n, fix: coreText('storage.fix.full').i18n };
  }
  return { why: coreText('storage.why.other', { detail }).i18n, fix: coreText('storage.fix.other').i18n };
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
