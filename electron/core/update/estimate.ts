// How long an update will take, from how long the last ones took.
import type { Estimate } from './types.js';

/** What the old panel announced ("about 30 seconds"), used until there is history. */
export const DEFAULT_ESTIMATE_MS = 30_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

export function estimateDuration(durations: readonly number[], fallbackMs = DEFAULT_ESTIMATE_MS): Estimate {
  const m = median(durations);
  return m === null
    ? { ms: fallbackMs, basis: 'default', samples: 0 }
    : { ms: Math.round(m), basis: 'history', samples: durations.length };
}
