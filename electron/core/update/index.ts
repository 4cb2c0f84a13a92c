// Public API of the self-update engine. The app's commands, panel and tray use only what is here.
export { checkForUpdates, type CheckOptions, type CheckResult, type CheckDetails, type CheckErrorCode } from './check.js';
export { runUpdate } from './pipeline.js';
export { isUpdating, UpdateInProgressError } from './lock.js';
export { UpdateRefusedError, type DisabledReason } from './preconditions.js';
export { DEFAULT_COMMANDS, DEFAULT_TIMEOUTS, type UpdateContext, type UpdateTimeouts } from './options.js';
export {
  detectRestartMethod,
  systemdUnit,
  RESTART_METHODS,
  type RestartMethod,
  type RestartSetting,
  type RestartPlan,
  type Env,
  type ReadFile,
} from './restart-method.js';
export { runRestartCommand, createRestarter, type RestartCommandOptions, type RestartCommandOutcome } from './restart-command.js';
export { UpdateJournal, JOURNAL_FILE, type JournalEntry, type JournalOutcome } from './journal.js';
export { median, estimateDuration, DEFAULT_ESTIMATE_MS } from './estimate.js';
export { bootCheck, markHealthy, type BootCheckOptions, type BootReport } from './boot.js';
export { pidAlive } from '../pid-alive.js';
export { decideBoot, MAX_FAILED_BOOTS, NOTHING_PENDING, type BootDecision, type BootFacts } from './boot-decision.js';
export { appConfigFiles, createFileConfigBackup, type FileConfigBackupOptions } from './config-backup.js';
export { installedCommits } from './last-update.js';
export { stashApplyCommand } from './worktree.js';
export { stepLabel } from './steps.js';
export * from './types.js';
