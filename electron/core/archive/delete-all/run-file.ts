// The last "delete all" run, kept on disk as it goes: a run the app's end cut short (a kill, a power cut) is
// said at the next start with what it had deleted and where its backup is, rather than forgotten (the panel
// showed nothing, and the user could take the channel for emptied).
import { readFileSync } from 'node:fs';
import type { DeleteProgress } from '../../../../shared/archive.js';
import { coreText } from '../../../../shared/core-text.js';
import { writePrivateFileSync } from '../../fs-modes.js';

/** Writes the run's state; false when it cannot (a read-only or full disk: deleting goes on, unrecorded). */
export function saveRun(file: string, p: DeleteProgress): boolean {
  try {
    writePrivateFileSync(file, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

const isRun = (v: unknown): v is DeleteProgress => {
  const p = v as Partial<DeleteProgress> | null;
  return typeof p === 'object' && p !== null && typeof p.state === 'string' && typeof p.deleted === 'number' && typeof p.bulk === 'number' &&
    typeof p.single === 'number' && typeof p.failed === 'number' && typeof p.startedAt === 'number' && typeof p.channel === 'string' && (p.backup === null || typeof p.backup === 'string');
};

/**
 * The last run as the previous process left it, or null (none, or not readable). One still "running" was cut
 * short: it comes back failed, said so, and is written back that way (said once per run, not at every start).
 */
export function lastRun(file: string, now = Date.now()): { run: DeleteProgress; interrupted: boolean } | null {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (!isRun(saved)) return null;
  if (saved.state !== 'running') return { run: saved, interrupted: false };
  const { deleted, bulk, single, failed, backup, channel } = saved;
  const said = coreText('archive.deleteInterrupted', { deleted, bulk, single, failed, channel, backup: backup ?? '—' });
  const run: DeleteProgress = { ...saved, state: 'failed', finishedAt: now, message: said.text, i18n: said.i18n };
  saveRun(file, run);
  return { run, interrupted: true };
}
