// Pure mapping from the engine's results to the panel's UpdateView.
import type { LastUpdate, UpdateView } from '../../shared/types.js';
import type { CheckResult, JournalEntry, RestartPlan } from './update/index.js';

const METHOD_NAMES: Record<string, string> = {
  systemd: 'systemd',
  supervisor: 'supervisor',
  pm2: 'pm2',
  relaunch: 'a relaunch of the app',
};

export function describePlan(plan: RestartPlan, auto: boolean): UpdateView['restart'] {
  if (!auto) return { auto, method: 'none', description: 'no automatic restart: the app says when a restart is needed' };
  return { auto, method: plan.method, description: plan.argv ? `${METHOD_NAMES[plan.method]} (${plan.argv.join(' ')})` : METHOD_NAMES[plan.method] ?? plan.method };
}

export function viewFromCheck(r: CheckResult): Partial<UpdateView> {
  const base = { checkedAt: Date.now(), count: 0, commits: [], localChanges: [], dependencies: null, estimate: null, target: null };
  switch (r.state) {
    case 'available':
      return {
        ...base,
        state: 'available',
        message: `${r.count} update${r.count === 1 ? '' : 's'} available — click to update`,
        current: r.current,
        target: r.target.sha,
        count: r.count,
        commits: r.commits,
        localChanges: r.localChanges,
        dependencies: r.dependencies,
        estimate: { ms: r.estimate.ms, basis: r.estimate.basis },
      };
    case 'up-to-date':
      return { ...base, state: 'up-to-date', message: 'Up to date — click to check again.', current: r.current };
    case 'disabled':
      return { ...base, state: 'disabled', message: r.message };
    case 'error':
      return { ...base, state: 'error', message: r.message };
  }
}

export function toLastUpdate(e: JournalEntry, commits: LastUpdate['commits']): LastUpdate {
  const from = e.from.slice(0, 7);
  const to = (e.to ?? e.from).slice(0, 7);
  const seconds = ((e.durationMs ?? 0) / 1000).toFixed(1);
  const outcome = e.outcome === 'success' || e.outcome === 'rolled-back' || e.outcome === 'failed' || e.outcome === 'interrupted' ? e.outcome : 'failed';
  const message =
    outcome === 'success'
      ? `Updated ${from} → ${to} in ${seconds} s`
      : outcome === 'rolled-back'
        ? `Update to ${to} was rolled back${e.failedStep ? ` (${e.failedStep} failed)` : ''}: ${e.error ?? 'see the log'}. Still on ${from}.`
        : outcome === 'interrupted'
          ? `An update to ${to} was interrupted; the app was brought back to ${from}.`
          : `Update to ${to} failed: ${e.error ?? 'see the log'}.`;
  return { from: e.from, to: e.to ?? e.from, outcome, durationMs: e.durationMs ?? 0, finishedAt: e.finishedAt ? Date.parse(e.finishedAt) : Date.now(), message, commits };
}
