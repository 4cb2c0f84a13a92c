// FETCH_MODE=history: the backfill the settings ask for starts by itself once the bot is connected,
// once per channel, limit and period. A job done or cancelled for the same ones is left as it is
// (a cancel in the panel sticks until the settings change). Back to "recent" stops the settings' job only.
import type { BackfillOptions, FetchLimit, FetchMode, FetchPeriod } from '../../../shared/types.js';
import type { Backfill } from './backfill.js';

const PERIOD_HOURS: Record<FetchPeriod, BackfillOptions['periodHours']> = { '24h': 24, '7d': 168, '30d': 720, all: null };
const LIMIT: Record<FetchLimit, BackfillOptions['limit']> = { '100': 100, '1000': 1000, '10000': 10000, all: null };

export interface FetchSettings {
  fetchMode: FetchMode;
  fetchLimit: FetchLimit;
  fetchPeriod: FetchPeriod;
}

export function backfillOptionsOf(s: FetchSettings): BackfillOptions {
  return { mode: s.fetchMode, limit: LIMIT[s.fetchLimit], periodHours: PERIOD_HOURS[s.fetchPeriod] };
}

export const sameOptions = (a: BackfillOptions, b: BackfillOptions): boolean => a.mode === b.mode && a.limit === b.limit && a.periodHours === b.periodHours;

/**
 * Brings the job in line with the settings. `previous`: the settings before the user just changed
 * them, so an active job for other options gives way; on a (re)connection (no `previous`) a job
 * started from the panel keeps running and the settings' job comes after it.
 */
export function applyFetchSettings(backfill: Backfill, wanted: BackfillOptions, channelId: string, previous?: BackfillOptions): void {
  const job = backfill.current;
  const active = job.state === 'running' || job.state === 'paused';
  if (wanted.mode !== 'history') {
    // A failed job waiting for its retry counts too: "recent" must stop the retries.
    if (previous && (active || job.state === 'failed') && sameOptions(job.options, previous)) backfill.cancel();
    return;
  }
  // Jobs saved before the channel was recorded count as this channel's.
  const sameChannel = (job.channelId ?? channelId) === channelId;
  const same = sameChannel && sameOptions(job.options, wanted);
  if (same) {
    // Done or cancelled: nothing to do. Paused: continue where it stopped; failed: once its retry is due.
    if (job.state === 'paused' || job.state === 'failed') backfill.connected();
    return;
  } else if (active && sameChannel && !previous) {
    return;
  }
  backfill.start(wanted, 'settings');
}
