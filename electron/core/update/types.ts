// Types and ports of the self-update engine. Plain data; the shell or headless entry supplies the ports.
import { UPDATE_STEPS } from '../../../shared/types.js';
import type { I18nText } from '../../../shared/core-text.js';
import type { RestartPlan } from './restart-method.js';

export { UPDATE_STEPS };
export type PipelineStep = (typeof UPDATE_STEPS)[number];
export type StepName = PipelineStep | 'rollback';
export type StepStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

/** One progress event. `log` holds only the lines produced since this step's previous event: append them. */
export interface StepEvent {
  updateId: string;
  step: StepName;
  status: StepStatus;
  /** Time since the step started (0 while pending). */
  durationMs: number;
  log: string[];
  /** Set when status is `failed`. */
  error?: string;
  /** `error` by key, for the panel's language (when the error is one of the core's sentences). */
  errorI18n?: I18nText;
  /** A skipped step's reason (its one log line) by key, for the panel's language. */
  noteI18n?: I18nText;
  /** `log` by key, index for index (null: a command's output, shown as printed); absent: none has a key. */
  logI18n?: (I18nText | null)[];
}

/** A step's final state, as kept in the result and the journal. */
export interface StepRecord {
  step: StepName;
  status: StepStatus;
  durationMs: number;
  error?: string;
}

/** A command run in the checkout: `[file, ...args]`, no shell. */
export type Command = readonly [string, ...string[]];

export interface UpdateCommands {
  /** Default `npm ci`; run only when package-lock.json changed. */
  install: Command;
  /** Default `npm run build`. */
  build: Command;
  /** Default `node .vite/build/headless.js --self-test`; must exit 0. */
  selfTest: Command;
}

/** Port: the Discord bot. `stop()` resolves only once the gateway connection is closed. */
export interface BotControl {
  isRunning(): boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Port: the user's settings. `createFileConfigBackup` is a ready-made file implementation. */
export interface ConfigBackup {
  /** Copies the settings aside; returns the snapshot's path. */
  snapshot(): Promise<string>;
  /** True when the settings still match the snapshot (by default the last one this process took). */
  verify(snapshotPath?: string): Promise<boolean>;
  restore(snapshotPath: string): Promise<void>;
}

/** Port: restarts the whole app with the given plan. May never resolve (the manager kills us). */
export interface Restarter {
  restart(plan: RestartPlan): Promise<void>;
}

export interface SavedChanges {
  /** e.g. `stash@{0}` at the time it was made; the sha below stays valid if more stashes are pushed. */
  ref: string;
  sha: string;
  message: string;
  /** After the update: re-applied on top of it, kept (conflict, or not attempted yet). */
  state?: 'kept' | 'reapplied' | 'conflict';
}

/** Local commits the update branch lacked, kept on a branch before the reset. */
export interface KeptCommits {
  branch: string;
  count: number;
}

export interface CommitInfo {
  hash: string;
  subject: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

export interface Estimate {
  ms: number;
  /** `history`: median of past successful updates; `default`: no history yet, a stated guess. */
  basis: 'history' | 'default';
  samples: number;
}

export type UpdateOutcome = 'restarting' | 'restart-needed' | 'rolled-back' | 'failed';

export interface UpdateResult {
  id: string;
  outcome: UpdateOutcome;
  /** One sentence for the user, with what to do when something went wrong. */
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
  from: string;
  to: string | null;
  steps: StepRecord[];
  savedChanges: SavedChanges | null;
  /** The plan handed to the restarter (outcome `restarting`, or `restart-needed` when it failed). */
  restart: RestartPlan | null;
  /** Whether the bot was running when the update began (it is stopped for the update). */
  botWasRunning: boolean;
  /** True when the bot was started again in this process. */
  botRestarted: boolean;
  failedStep?: StepName;
  error?: string;
  restartError?: string;
  rollbackError?: string;
}
