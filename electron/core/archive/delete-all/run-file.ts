// The last "delete all" run, kept on disk as it goes: a run the app's end cut short (a kill, a power cut) is
// said at the next start with what it had deleted and where its backup is, rather than forgotten (the panel
// showed nothing, and the user could take the channel for emptied).
import { readFileSync } from 'node:fs';
import type { DeleteProgress } from '../../../../shared/archive.js';
import { z } from 'zod';
import { coreText, type I18nText } from '../../../../shared/core-text.js';
import { writePrivateFileSync } from '../../fs-modes.js';
import { pidAlive } from '../../pid-alive.js';

/** Writes the run's state; false when it cannot (a read-only or full disk: deleting goes on, unrecorded). */
export function saveRun(file: string, p: DeleteProgress): boolean {
  try {
    writePrivateFileSync(file, JSON.stringify({ ...p, pid: process.pid }));
    return true;
  } catch {
    return false;
  }
}

const sentence: z.ZodType<I18nText> = z.lazy(() => z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), sentence])) }));
const count = z.number().int().nonnegative();
/** What the panel is given: a damaged file, or another version's, is no run at all (it took the panel down). */
const savedRun = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  deleted: count,
  bulk: count,
  single: count,
  failed: count,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  backup: z.string().nullable(),
  channel: z.string(),
  message: z.string(),
  i18n: sentence.optional(),
  /** The process running it (a second copy of the app must not call a run still going cut short). */
  pid: z.number().int().positive().optional(),
});

/**
 * The last run as the previous process left it, or null (none, or not readable). One still "running" was cut
 * short: it comes back failed, said so, and is written back that way (said once per run, not at every start).
 */
export function lastRun(file: string, now = Date.now(), isAlive: (pid: number) => boolean = pidAlive): { run: DeleteProgress; interrupted: boolean } | null {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = savedRun.safeParse(saved);
  if (!parsed.success) return null;
  const { pid, ...run } = parsed.data;
  if (run.state !== 'running') return { run, interrupted: false };
  // Still going in another copy of the app on this folder (the service, while the desktop app starts): not ours to say.
  if (pid !== undefined && pid !== process.pid && isAlive(pid)) return null;
  const { deleted, bulk, single, failed, backup, channel } = run;
  const said = coreText('archive.deleteInterrupted', { deleted, bulk, single, failed, channel, backup: backup ?? '—' });
  const ended: DeleteProgress = { ...run, state: 'failed', finishedAt: now, message: said.text, i18n: said.i18n };
  saveRun(file, ended);
  return { run: ended, interrupted: true };
}
