// Self-update: the check's view, the pipeline's steps and runs, the last update's outcome.
import type { I18nText } from '../core-text.js';

export type UpdateState = 'checking' | 'available' | 'up-to-date' | 'disabled' | 'error' | 'updating';

export interface UpdateCommit {
  hash: string;
  subject: string;
  author: string;
  /** ISO 8601. */
  date: string;
}

/** The update pipeline's steps in their listed order (stop-bot may run later: see the engine's stopBot). */
export const UPDATE_STEPS = [
  'stop-bot',
  'backup-config',
  'save-local-changes',
  'fetch',
  'reset',
  'clean',
  'restore-config',
  'install-deps',
  'build',
  'self-test',
  'restart',
] as const;
/** `rollback` only appears after a failure. */
export type UpdateStepName = (typeof UPDATE_STEPS)[number] | 'rollback';

export interface UpdateStepView {
  step: UpdateStepName;
  status: 'pending' | 'running' | 'done' | 'skipped' | 'failed';
  durationMs: number;
  /** Every log line of the step so far. */
  log: string[];
  error?: string;
  /**
   * `error`, a skipped step's reason (its one log line), and the log's lines (index for index; null: a
   * command's output, shown as printed) by key, for the panel's language.
   */
  i18n?: { error?: I18nText; note?: I18nText; log?: (I18nText | null)[] };
}

export interface UpdateRun {
  id: string;
  startedAt: number;
  from: string;
  /** The commit being installed. */
  to: string;
  steps: UpdateStepView[];
  outcome: 'running' | 'restarting' | 'restart-needed' | 'rolled-back' | 'failed';
  /** One sentence for the user, with what to do when something went wrong. */
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: { message: I18nText };
}

/** Where an update put the user's own work, so it is never silently lost. */
export interface SetAside {
  /** Local commits the remote lacked, kept on this branch (null: there were none). */
  branch: string | null;
  commits: number;
  /** Uncommitted edits, stashed: re-applied after the update, or kept (conflict) with the command to apply them. */
  stash: { sha: string; command: string; state: 'kept' | 'reapplied' | 'conflict' } | null;
  /** Edits found in the checkout by a boot recovery (someone trying a fix), stashed before it moved the checkout. */
  recovered?: { sha: string; command: string } | null;
  /** The user's files the new version replaced (ignored, so no stash held them), copied to `dir` first, with the command that copies them back. */
  replaced?: { dir: string; files: string[]; command: string } | null;
  /** More such stashes for the same update (a rollback's, then a boot recovery's after a kill). */
  moreRecovered?: { sha: string; command: string }[];
}

export interface LastUpdate {
  from: string;
  to: string;
  outcome: 'success' | 'rolled-back' | 'failed' | 'interrupted';
  durationMs: number;
  finishedAt: number;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: { message: I18nText };
  /** The commits installed (never the user's own, removed ones). */
  commits: UpdateCommit[];
  /** Absent or null: nothing was set aside. */
  setAside?: SetAside | null;
}

/** Why the Node bundle is rebuilt when no input or folder says so: the check cannot vouch for a reuse. */
export type NodeRebuildCause = 'no-record' | 'outside' | 'env' | 'deps' | 'in-place' | 'unknown';

/** The update's plan for the Node bundle (.vite/build/*.js), predicted from the inputs the running build recorded. */
export interface NodeBundlePlan {
  reused: boolean;
  /** Recorded inputs whose content differs at the target: the first few, and how many in all. */
  changed: string[];
  changedCount: number;
  /** Recorded folders where files were added or removed (an import may resolve to another file). */
  folders: string[];
  cause: NodeRebuildCause | null;
}

export interface UpdateView {
  state: UpdateState;
  /** Sentence for the button's tooltip / the panel: reason when disabled, git's message on error. */
  message: string;
  /** `message` by key, for the panel's language (set on check errors). */
  i18n?: { message: I18nText } | null;
  checkedAt: number | null;
  current: string | null;
  /** Remote head the update would install; `update.run` must name it. */
  target: string | null;
  count: number;
  commits: UpdateCommit[];
  /** Local edits and untracked files that will be set aside (git stash), porcelain lines. */
  localChanges: string[];
  /** Why updates are off (state `disabled`), for a tooltip in the panel's language; `envVar` when an environment variable set it. */
  disabled?: { reason: 'packaged' | 'auto-update-off' | 'git-missing' | 'not-a-checkout'; envVar?: string } | null;
  /** Local commits the remote lacks (newest first) and the branch they will be moved to. */
  localCommits?: { branch: string; commits: UpdateCommit[] } | null;
  /** `i18n`: the summary by key, for the panel's language. */
  dependencies: { changed: boolean; summary: string; i18n?: I18nText } | null;
  /** Parts of the running build reused as they are (their sources did not change); absent: all rebuilt. */
  build?: { reused: ('renderer' | 'preload')[]; node?: NodeBundlePlan } | null;
  estimate: { ms: number; basis: 'history' | 'default' } | null;
  /** What happens at the end: a service-manager restart, a relaunch, or nothing (restart needed). */
  restart: {
    auto: boolean;
    method: string;
    description: string;
    /** Why that restart will fail here, found before the update (a supervisord socket closed to the app's user), and what to change. */
    problem?: string | null;
    /** `description` (when it is words, not a command) and `problem` by key, for the panel's language. */
    i18n?: { description?: I18nText; problem?: I18nText } | null;
  };
  run: UpdateRun | null;
  lastUpdate: LastUpdate | null;
  /** The code on disk is newer than the running process (auto restart off). */
  restartNeeded: boolean;
}
