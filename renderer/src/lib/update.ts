// Pure helpers of the self-update UI: what the overlay shows and when.
import type { LastUpdate, UpdateRun, UpdateStepView, UpdateView } from '../../../shared/types';

/** How long the "Updated abc1234 → def5678" banner stays after an update, and a finished run's overlay after a reload. */
export const RECENT_MS = 10 * 60_000;

/** Seven characters, as git abbreviates. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 7) : '';
}

/** The run is still going: the overlay cannot be closed. */
export function isActive(run: UpdateRun | null | undefined): boolean {
  return run?.outcome === 'running' || run?.outcome === 'restarting';
}

/**
 * The step to announce: the running one (else the last one that started), and how many steps have
 * started so far. A count rather than the position in the list, which is fixed while the bot may be
 * stopped late: "Step 9 of 11" never goes back to "Step 1".
 */
export function currentStep(run: UpdateRun): { ordinal: number; step: UpdateStepView } | null {
  const started = run.steps.filter((s) => s.status !== 'pending');
  const step = started.find((s) => s.status === 'running') ?? started.at(-1);
  return step ? { ordinal: started.length, step } : null;
}

export type PlanItem = 'stopBot' | 'code' | 'deps' | 'build' | 'restart';

/**
 * What the update will do, in order, as the engine runs it: the bot keeps monitoring while the
 * code is fetched and built, and is stopped just before the dependencies are reinstalled (they
 * are in use) or else just before the restart; without automatic restart it is not stopped at all.
 */
export function planItems(view: Pick<UpdateView, 'dependencies' | 'restart'>): PlanItem[] {
  if (!view.restart.auto) return ['code', 'deps', 'build', 'restart'];
  if (view.dependencies?.changed !== false) return ['code', 'stopBot', 'deps', 'build', 'restart'];
  return ['code', 'deps', 'build', 'stopBot', 'restart'];
}

/**
 * Identifies one run for "watched here" and "closed by the user". Not `id` alone: the server
 * only learns the engine's id with the first step event (it is '' until then, and stays '' when
 * the pipeline fails before any step).
 */
export function runKey(run: UpdateRun): string {
  return `${run.startedAt}:${run.to}`;
}

/** Steps that failed, pipeline step first (the rollback can fail too). */
export function failedSteps(run: UpdateRun): UpdateStepView[] {
  return run.steps.filter((s) => s.status === 'failed');
}

/** Milliseconds since the run started; never negative (the server's clock may be ahead). */
export function elapsedMs(run: UpdateRun, now: number): number {
  return Math.max(0, now - run.startedAt);
}

/**
 * A running step's duration as of `now`: the server reports it with each event, and it keeps
 * growing between events (a silent `npm ci` sends none for a while).
 */
export function liveDuration(step: UpdateStepView, receivedAt: number, now: number): number {
  return step.status === 'running' ? step.durationMs + Math.max(0, now - receivedAt) : step.durationMs;
}

export function isRecent(last: LastUpdate, now: number): boolean {
  return now - last.finishedAt < RECENT_MS;
}

/** Identifies one finished update, to remember that its banner was dismissed. */
export function lastUpdateKey(last: LastUpdate): string {
  return `${last.to}@${last.finishedAt}`;
}
