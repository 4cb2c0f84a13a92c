// Deletes every message of the channel, newest page first (paging with `before`, so what was
// posted after the start is kept and a message that cannot be deleted is never fetched twice).
// Messages under 14 days go in bulk (2–100 per request); older ones, and a lone recent one, one by one.
import type { DeleteProgress } from '../../../../shared/archive.js';
import { coreText } from '../../../../shared/core-text.js';
import { NotSavedError, type DeleteTarget } from './target.js';
import { timeOfSnowflake as timeOf } from '../../messages/last-seen.js';

export type { DeleteProgress };


const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;
// Discord measures the age on its clock: a minute of margin keeps a borderline message out of a bulk.
const MARGIN_MS = 60_000;

/**
 * Discord's error code when Discord answered (an API error: an HTTP status and a numeric code); undefined
 * otherwise, e.g. @discordjs/rest's timeout, an AbortError whose own numeric `code` (20) is not Discord's.
 */
const codeOf = (err: unknown): number | undefined => {
  const e = err as { code?: unknown; status?: unknown } | null;
  return typeof e?.code === 'number' && typeof e.status === 'number' ? e.code : undefined;
};
const UNKNOWN_MESSAGE = 10008;
const TOO_OLD_FOR_BULK = 50034;
const LOST_ACCESS = new Set([50001, 50013]);

export async function deleteAll(
  target: DeleteTarget,
  progress: DeleteProgress,
  opts: { signal: AbortSignal; now?: () => number; onProgress: (p: DeleteProgress) => void },
): Promise<DeleteProgress> {
  const now = opts.now ?? Date.now;
  const p = progress;
  const report = () => opts.onProgress({ ...p });
  const single = async (id: string) => {
    try {
      await target.deleteOne(id);
      p.single++;
      p.deleted++;
    } catch (err) {
      if (codeOf(err) === UNKNOWN_MESSAGE) return; // already gone
      // Not Discord's answer (no API code): the network, or Discord failing after discord.js's retries. Every
      // message after would fail the same way, each counted "refused": the run stops and says why.
      if (codeOf(err) === undefined || LOST_ACCESS.has(codeOf(err)!)) throw err;
      p.failed++;
    }
    report();
  };
  // False when Discord finds one too old for a bulk delete (its clock ahead of ours by more than the margin): one by one then.
  const bulk = async (ids: string[]): Promise<boolean> => {
    try {
      await target.bulkDelete(ids);
      return true;
    } catch (err) {
      if (codeOf(err) === TOO_OLD_FOR_BULK) return false;
      throw err;
    }
  };
  try {
    let before: string | null = null;
    for (;;) {
      if (opts.signal.aborted) break;
      const ids = await target.page(before);
      if (ids.length === 0) break;
      before = ids.at(-1)!;
      const cutoff = now() - TWO_WEEKS_MS + MARGIN_MS;
      const recent = ids.filter((id) => timeOf(id) > cutoff);
      const old = ids.filter((id) => timeOf(id) <= cutoff);
      if (recent.length >= 2 && (await bulk(recent))) {
        p.bulk += recent.length;
        p.deleted += recent.length;
        report();
      } else {
        old.unshift(...recent);
      }
      for (const id of old) {
        if (opts.signal.aborted) break;
        await single(id);
      }
    }
    p.state = opts.signal.aborted ? 'cancelled' : 'done';
  } catch (err) {
    p.state = 'failed';
    const said = LOST_ACCESS.has(codeOf(err) ?? 0)
      ? coreText('archive.deleteLostAccess')
      : coreText('archive.deleteStopped', { detail: err instanceof NotSavedError ? err.i18n : (err as Error).message });
    p.message = said.text;
    p.i18n = said.i18n;
  }
  p.finishedAt = now();
  return { ...p };
}
