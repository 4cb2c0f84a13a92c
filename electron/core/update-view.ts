// Pure mapping from the engine's results to the panel's UpdateView.
import { coreEn, coreText, renderText } from '../../shared/core-text.js';
import type { LastUpdate, SetAside, UpdateView } from '../../shared/types.js';
import { stashApplyCommand, stepLabel, type CheckResult, type JournalEntry, type RestartPlan } from './update/index.js';

export function describePlan(plan: RestartPlan, auto: boolean): UpdateView['restart'] {
  if (!auto) return { auto, method: 'none', description: 'no automatic restart: the app says when a restart is needed' };
  if (plan.argv) return { auto, method: plan.method, description: `${plan.method} (${plan.argv.join(' ')})` };
  // A service manager's name is its own in every language; a relaunch is said in words.
  if (plan.method !== 'relaunch') return { auto, method: plan.method, description: plan.method };
  const relaunch = coreText('update.method.relaunch');
  return { auto, method: plan.method, description: relaunch.text, i18n: { description: relaunch.i18n } };
}

export function viewFromCheck(r: CheckResult): Partial<UpdateView> {
  // i18n: null clears the key of an earlier error, the view being patched rather than replaced.
  const base = { checkedAt: Date.now(), count: 0, commits: [], localChanges: [], localCommits: null, dependencies: null, estimate: null, target: null, disabled: null, i18n: null };
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
        localCommits: r.localCommits,
        dependencies: r.dependencies,
        build: r.build ?? null,
        // The default is a guess that was 6× too long for a first update: show no number until one was measured.
        estimate: r.estimate.basis === 'history' ? { ms: r.estimate.ms, basis: r.estimate.basis } : null,
      };
    case 'up-to-date':
      return { ...base, state: 'up-to-date', message: 'Up to date — click to check again.', current: r.current };
    case 'disabled':
      return { ...base, state: 'disabled', message: r.message, disabled: { reason: r.reason }, ...(r.i18n ? { i18n: { message: r.i18n } } : {}) };
    case 'error':
      return { ...base, state: 'error', message: r.message, ...(r.i18n ? { i18n: { message: r.i18n } } : {}) };
  }
}

export function toLastUpdate(e: JournalEntry, commits: LastUpdate['commits']): LastUpdate {
  const from = e.from.slice(0, 7);
  const to = (e.to ?? e.from).slice(0, 7);
  const seconds = ((e.durationMs ?? 0) / 1000).toFixed(1);
  const outcome = e.outcome === 'success' || e.outcome === 'rolled-back' || e.outcome === 'failed' || e.outcome === 'interrupted' ? e.outcome : 'failed';
  // By key when the journal has one this version knows; otherwise (an older journal, or a later version's key
  // after a rollback onto this one) the English error stays so inside the translated sentence.
  const known = e.errorI18n && renderText(e.errorI18n, coreEn, { locale: 'en-US' }) !== null ? e.errorI18n : null;
  const error = known ?? e.error ?? coreText('lastUpdate.seeLog').i18n;
  const step = e.failedStep === null ? null : stepLabel(e.failedStep);
  const sentence =
    outcome === 'success'
      ? null
      : outcome === 'rolled-back'
        ? step ? coreText('lastUpdate.rolledBack', { to, from, step, error }) : coreText('lastUpdate.rolledBackNoStep', { to, from, error })
        : outcome === 'interrupted'
          ? step ? coreText('lastUpdate.interrupted', { to, from, step }) : coreText('lastUpdate.interruptedNoStep', { to, from })
          : coreText('lastUpdate.failed', { to, error });
  const message = sentence ? sentence.text : `Updated ${from} → ${to} in ${seconds} s`;
  return {
    from: e.from,
    to: e.to ?? e.from,
    outcome,
    durationMs: e.durationMs ?? 0,
    finishedAt: e.finishedAt ? Date.parse(e.finishedAt) : Date.now(),
    message,
    ...(sentence ? { i18n: { message: sentence.i18n } } : {}),
    commits,
    setAside: setAside(e),
  };
}

function setAside(e: JournalEntry): SetAside | null {
  // Undone (a rollback, a recovery), the update put the user's replaced files back itself: the note must not
  // offer to copy the older copies over them. Unless the recovery ended on the version that ships them.
  const undone = e.outcome === 'rolled-back' || e.outcome === 'interrupted';
  const replaced = undone && !e.replacedFilesKept ? null : e.replacedFiles;
  if (!e.keptCommits && !e.savedChanges && !e.recoveredEdits && !e.moreRecoveredEdits?.length && !replaced) return null;
  const saved = e.savedChanges;
  const found = e.recoveredEdits;
  return {
    branch: e.keptCommits?.branch ?? null,
    commits: e.keptCommits?.count ?? 0,
    stash: saved ? { sha: saved.sha, command: stashApplyCommand(saved), state: saved.state ?? 'kept' } : null,
    ...(found ? { recovered: { sha: found.sha, command: stashApplyCommand(found) } } : {}),
    ...(replaced ? { replaced } : {}),
    ...(e.moreRecoveredEdits?.length ? { moreRecovered: e.moreRecoveredEdits.map((s) => ({ sha: s.sha, command: stashApplyCommand(s) })) } : {}),
  };
}

/** The same facts as sentences for the log, where someone without the panel looks first. */
export function describeSetAside(s: SetAside | null): string[] {
  if (!s) return [];
  const lines: string[] = [];
  if (s.branch) lines.push(`${s.commits} local commit(s) that the update branch lacked are kept on branch ${s.branch} (git log ${s.branch}).`);
  if (s.stash?.state === 'reapplied') lines.push('Local edits set aside during the update were re-applied.');
  else if (s.stash?.state === 'conflict') lines.push(`Local edits set aside during the update conflict with the new version and were kept: ${s.stash.command}`);
  else if (s.stash) lines.push(`Local edits set aside during the update are kept: ${s.stash.command}`);
  if (s.recovered) lines.push(`Edits found in the checkout during the recovery were kept: ${s.recovered.command}`);
  if (s.replaced) lines.push(`Your files the new version replaced (${s.replaced.files.join(', ')}) were copied to ${s.replaced.dir} first: ${s.replaced.command}`);
  for (const more of s.moreRecovered ?? []) lines.push(`Edits found in the checkout during the recovery were kept: ${more.command}`);
  return lines;
}
