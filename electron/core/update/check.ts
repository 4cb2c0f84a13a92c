// "Is there an update, and what would it do?" — fetches, never touches the working tree.
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { estimateDuration } from './estimate.js';
import { GIT_TIMEOUT_MS, gitMessage, headSha, openGit } from './git.js';
import { UpdateJournal } from './journal.js';
import { isUpdating } from './lock.js';
import { type DisabledReason, whyDisabled } from './preconditions.js';
import { lockfileChange } from './lockfile-diff.js';
import { countCommits, fetchTarget, fileAt, listCommits, localChanges, LOCKFILE, lockfileDiffers, resolveTarget, TargetError } from './repo.js';
import type { CommitInfo, Estimate } from './types.js';
import { localCommitsBranch } from './worktree.js';
import { reusableOutputs, type Reusable } from './release.js';
import { builtCommit, launchersInstalled, ownBuildDir, releaseOf } from './release-layout.js';
import { predictNodeBundle, rebuiltBecause } from './node-bundle-plan.js';
import type { NodeBundlePlan } from '../../../shared/types.js';
import { dirname, join } from 'node:path';
import type { SimpleGit } from 'simple-git';

export interface CheckOptions {
  /** The checkout the app runs from. */
  appDir: string;
  /** Where the update journal lives; gives the time estimate its history. */
  dataDir?: string;
  /** Update branch: empty → the current branch's upstream; a name → `origin/<name>`. */
  branch?: string;
  autoUpdateEnabled?: boolean;
  packaged?: boolean;
  fetchTimeoutMs?: number;
  /** Release mode (see UpdateContext.releases): unchanged outputs are reused, and the plan says so. Default true. */
  releases?: boolean;
  /** The environment the update's build runs with (UpdateContext.commandEnv); default this process's. */
  env?: NodeJS.ProcessEnv;
}

export interface CheckDetails {
  /** HEAD before the update. */
  current: string;
  target: { ref: string; sha: string };
  /** `git status --porcelain` lines that the update would stash. */
  localChanges: string[];
  /** Commits on HEAD missing from the target (newest first); the update moves them to `branch`. */
  localCommits: { branch: string; commits: CommitInfo[] } | null;
  /** `i18n`: the summary by key, for the panel's language. */
  dependencies: { changed: boolean; summary: string; i18n?: I18nText };
  /** Outputs of the running build the update reuses instead of rebuilding (their sources did not change), and the Node bundle's plan. */
  build?: { reused: Reusable[]; node: NodeBundlePlan };
  estimate: Estimate;
  checkedAt: string;
}

export type CheckErrorCode = 'busy' | 'fetch-failed' | 'no-upstream' | 'bad-branch' | 'branch-not-found' | 'git-failed';

export type CheckResult =
  | ({ state: 'available'; count: number; commits: CommitInfo[] } & CheckDetails)
  | ({ state: 'up-to-date' } & CheckDetails)
  | { state: 'disabled'; reason: DisabledReason; message: string; i18n?: I18nText }
  | { state: 'error'; code: CheckErrorCode; message: string; i18n?: I18nText };

export async function estimateFrom(dataDir: string | undefined): Promise<Estimate> {
  const durations = dataDir ? await new UpdateJournal(dataDir).recentDurations() : [];
  return estimateDuration(durations);
}

/** Compared with the commit the running output was built from (HEAD may have moved since). */
async function reusedFromRunning(git: SimpleGit, appDir: string, sha: string): Promise<Reusable[]> {
  const vite = runningVite(appDir);
  const built = builtCommit(vite);
  return built ? reusableOutputs(git, built, sha, vite) : [];
}

/** The output folder of the build that runs: this process's release, or the checkout's .vite. */
const runningVite = (appDir: string): string => {
  const own = ownBuildDir();
  return own ? dirname(own) : join(appDir, '.vite');
};

/** What the update will do with the Node bundle (release-steps.ts: runningBuild, installDeps). */
function nodeBundle(appDir: string, sha: string, lockfileChanged: boolean, env: NodeJS.ProcessEnv): Promise<NodeBundlePlan> {
  const own = ownBuildDir();
  const release = own !== null && releaseOf(own) !== null ? dirname(own) : null;
  // Launchers in .vite with no release running: the update reuses nothing (runningBuild).
  const plain = release === null && !launchersInstalled(appDir) ? join(appDir, '.vite') : null;
  const vite = release ?? plain;
  return predictNodeBundle({ appDir, runningVite: vite && builtCommit(vite) ? vite : null, target: sha, env, installedDeps: plain && !lockfileChanged ? join(appDir, 'node_modules') : null });
}

async function buildPlan(git: SimpleGit, opts: CheckOptions, sha: string, lockfileChanged: boolean): Promise<CheckDetails['build']> {
  // Without releases the update builds in place, from nothing.
  if (opts.releases === false) return { reused: [], node: rebuiltBecause('in-place') };
  const [reused, node] = await Promise.all([reusedFromRunning(git, opts.appDir, sha), nodeBundle(opts.appDir, sha, lockfileChanged, opts.env ?? process.env)]);
  return { reused, node };
}

const dependencyChange = (said: CoreSentence) => ({ changed: true, summary: said.text, i18n: said.i18n });

export async function checkForUpdates(opts: CheckOptions): Promise<CheckResult> {
  const disabled = await whyDisabled(opts);
  if (disabled) return { state: 'disabled', ...disabled };
  // A fetch racing the update's own git commands would fail on git's ref locks.
  if (isUpdating()) {
    const busy = coreText('update.checkBusy');
    return { state: 'error', code: 'busy', message: busy.text, i18n: busy.i18n };
  }
  const git = openGit(opts.appDir, opts.fetchTimeoutMs ?? GIT_TIMEOUT_MS);
  try {
    const target = await resolveTarget(git, opts.branch);
    let sha: string;
    try {
      sha = await fetchTarget(git, target);
    } catch (err) {
      if (err instanceof TargetError) throw err;
      const said = coreText('update.fetchFailed', { ref: target.ref, detail: gitMessage(err), remote: target.remote });
      return { state: 'error', code: 'fetch-failed', message: said.text, i18n: said.i18n };
    }
    const current = await headSha(git);
    const count = await countCommits(git, `HEAD..${sha}`);
    const changed = await lockfileDiffers(git, current, sha);
    const mine = await listCommits(git, `${sha}..HEAD`);
    const details: CheckDetails = {
      current,
      target: { ref: target.ref, sha },
      localChanges: await localChanges(git),
      localCommits: mine.length > 0 ? { branch: localCommitsBranch(current), commits: mine } : null,
      dependencies: changed ? dependencyChange(lockfileChange(await fileAt(git, current, LOCKFILE), await fileAt(git, sha, LOCKFILE))) : { changed, summary: '' },
      // Only an update to confirm shows a plan: an up-to-date check (every few minutes) spends nothing on one.
      build: count > 0 ? await buildPlan(git, opts, sha, changed) : undefined,
      estimate: await estimateFrom(opts.dataDir),
      checkedAt: new Date().toISOString(),
    };
    if (count === 0) return { state: 'up-to-date', ...details };
    return { state: 'available', count, commits: await listCommits(git, `HEAD..${sha}`), ...details };
  } catch (err) {
    if (err instanceof TargetError) return { state: 'error', code: err.code, message: err.message, i18n: err.sentence.i18n };
    const said = coreText('update.gitFailed', { detail: gitMessage(err) });
    return { state: 'error', code: 'git-failed', message: said.text, i18n: said.i18n };
  }
}
