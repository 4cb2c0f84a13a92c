// One update (or boot recovery) at a time in this process. Taken synchronously, so two calls in
// the same tick cannot both get it.

export class UpdateInProgressError extends Error {
  constructor(readonly activity: string, readonly since: Date) {
    super(`An update is already running (${activity}, started ${since.toISOString()}) — wait for it to finish`);
    this.name = 'UpdateInProgressError';
  }
}

let held: { activity: string; since: Date } | null = null;

/** True while an update or a boot recovery runs: the app refuses bot start/stop and settings changes meanwhile. */
export function isUpdating(): boolean {
  return held !== null;
}

/** Takes the lock or throws; returns the release function. */
export function acquireUpdateLock(activity: string): () => void {
  if (held) throw new UpdateInProgressError(held.activity, held.since);
  const mine = { activity, since: new Date() };
  held = mine;
  return () => {
    if (held === mine) held = null;
  };
}
