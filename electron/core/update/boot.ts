// The boot watchdog: at startup, finish what a dead process left half-done, and give up on a new
// version that keeps failing to become healthy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { pidAlive } from '../pid-alive.js';
import { decideBoot, MAX_FAILED_BOOTS, type BootFacts } from './boot-decision.js';
import { bootTarget } from './boot-release.js';
import { pauseAt } from './pause-point.js';
import { clearStaleGitLocks } from './git-locks.js';
import { releasesDir } from './release-layout.js';
import { ownBuildDir } from './release-steps.js';
import { headSha, openGit, short } from './git.js';
import { UpdateJournal, type JournalEntry } from './journal.js';
import { acquireUpdateLock } from './lock.js';
import { DEFAULT_COMMANDS, DEFAULT_TIMEOUTS, type UpdateTimeouts } from './options.js';
import { noteSavedChanges } from './last-update.js';
import { lockfileDiffers } from './repo.js';
import { copyBackCommand, filesIn, replacedFilesDir } from './replaced-files.js';
import { restoreCheckout } from './restore.js';
import { removeStrayLinks } from './switch.js';
import type { ConfigBackup, StepName, UpdateCommands } from './types.js';
import { findUnrecordedSetAsides, findUnrecordedStash, reapplyLocalChanges, saveLocalChanges, setAsideEverything, stashApplyCommand } from './worktree.js';

export interface BootCheckOptions {
  appDir: string;
  dataDir: string;
  /** When given, the settings are checked and restored from the update's snapshot if needed. */
  config?: ConfigBackup;
  commands?: Partial<UpdateCommands>;
  timeouts?: Partial<UpdateTimeouts>;
  commandEnv?: NodeJS.ProcessEnv;
  pid?: number;
  isAlive?: BootFacts['isAlive'];
  maxFailedBoots?: number;
  /** Each line for the user's log; the watchdog's own sentences come with their key. */
  onLog?: (line: string, i18n?: I18nText) => void;
  /** Release mode (default when `commands` is not given): recovery moves the checkout to the running release's commit, no rebuild. */
  releases?: boolean;
  /** The folder of the built file this process runs (default: found from this module's own path). */
  runningBuildDir?: string | null;
}

export interface BootReport {
  outcome: 'nothing-pending' | 'update-running-elsewhere' | 'watching' | 'interrupted' | 'rolled-back' | 'failed';
  message: string;
  /** `message` by key (absent for "nothing pending", which is not said to the user). */
  i18n?: I18nText;
  entry: JournalEntry | null;
  /** The checkout changed under this process: restart it to run the version now on disk. */
  restartNeeded: boolean;
  log: string[];
}

export async function bootCheck(opts: BootCheckOptions): Promise<BootReport> {
  const journal = new UpdateJournal(opts.dataDir);
  const pid = opts.pid ?? process.pid;
  const log: string[] = [];
  const say = (line: string | CoreSentence) => {
    const text = typeof line === 'string' ? line : line.text;
    log.push(text);
    if (typeof line === 'string') opts.onLog?.(line);
    else opts.onLog?.(text, line.i18n);
  };
  if (opts.releases ?? opts.commands === undefined) {
    // Tidying only: a failure here is said, and recovery goes on.
    try {
      removeStrayLinks(opts.appDir, say);
    } catch (err) {
      say(`Could not look for leftovers of an interrupted switch in ${releasesDir(opts.appDir)}: ${(err as Error).message}`);
    }
  }
  const decision = decideBoot(await journal.pending(), {
    pid,
    nowMs: Date.now(),
    isAlive: opts.isAlive ?? pidAlive,
    maxFailedBoots: opts.maxFailedBoots,
  });
  const report = (outcome: BootReport['outcome'], message: string | CoreSentence, entry: JournalEntry | null, restartNeeded = false): BootReport => {
    say(message);
    if (typeof message === 'string') return { outcome, message, entry, restartNeeded, log };
    return { outcome, message: message.text, i18n: message.i18n, entry, restartNeeded, log };
  };

  if (decision.action === 'none') {
    await reapplyLeftEdits(journal, { appDir: opts.appDir, dataDir: opts.dataDir, pid, isAlive: opts.isAlive ?? pidAlive }, say);
    return report('nothing-pending', decision.reason, null);
  }
  if (decision.action === 'elsewhere') return report('update-running-elsewhere', { text: decision.reason, i18n: decision.i18n }, decision.entry);
  const { entry } = decision;
  if (decision.action === 'count-boot') {
    await journal.patch(entry.id, { boots: decision.boot, lastBootPid: pid });
    const max = opts.maxFailedBoots ?? MAX_FAILED_BOOTS;
    return report('watching', coreText('update.boot.watching', { to: short(entry.to), boot: decision.boot, max }), entry);
  }

  const reason: CoreSentence = { text: decision.reason, i18n: decision.i18n };
  const release = acquireUpdateLock('boot recovery');
  try {
    say(reason);
    const { moved, commit, rebuilt, switchedBack } = await bringBack(entry, decision.action, opts, say);
    if (decision.action === 'recover') {
      await pauseAt('recovered');
      await journal.finish(entry.id, { outcome: 'interrupted', error: decision.reason, errorI18n: decision.i18n, failedStep: decision.step as StepName | null });
      const at = { commit: short(commit) };
      const state = switchedBack
        ? coreText('update.boot.switchedBack', at)
        : !moved
        ? coreText('update.boot.notMoved', at)
        : rebuilt
          ? coreText('update.boot.rebuilt', at)
          : coreText('update.boot.backNoRebuild', at);
      // A release that no step changed keeps running: a restart is needed only after an in-place rebuild.
      const restart = rebuilt || switchedBack || !(opts.releases ?? opts.commands === undefined);
      return report('interrupted', coreText('update.boot.recovered', { reason: reason.i18n, state: state.i18n }), await journal.get(entry.id), restart);
    }
    const done = await journal.completeAfterRestart(false, { error: decision.reason, errorI18n: decision.i18n });
    return report('rolled-back', coreText('update.boot.rolledBack', { reason: reason.i18n, from: short(entry.from) }), done, true);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const error = `${decision.reason} Recovery failed: ${detail}`;
    if (decision.action === 'recover') await journal.finish(entry.id, { outcome: 'failed', error });
    else await journal.completeAfterRestart(false, { outcome: 'failed', error });
    const said = coreText('update.boot.recoveryFailed', { reason: reason.i18n, detail, dir: opts.appDir, commit: entry.from });
    return report('failed', said, await journal.get(entry.id), true);
  } finally {
    release();
  }
}

/** Back to the entry's `from` commit, built, with the user's saved changes and settings restored. */
async function bringBack(
  entry: JournalEntry,
  action: 'recover' | 'rollback',
  opts: BootCheckOptions,
  say: (line: string | CoreSentence) => void,
): Promise<{ moved: boolean; commit: string; rebuilt: boolean; switchedBack: boolean }> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const git = openGit(opts.appDir, timeouts.git);
  // index.lock, HEAD.lock, refs/…/*.lock: whatever a git killed mid-command left behind.
  (await clearStaleGitLocks(git, opts.appDir)).forEach(say);
  const head = await headSha(git);
  const releases = opts.releases ?? opts.commands === undefined;
  const target = releases
    ? bootTarget(entry, action, { appDir: opts.appDir, runningBuildDir: opts.runningBuildDir === undefined ? ownBuildDir() : opts.runningBuildDir, log: say })
    : { commit: entry.from, rebuild: true };
  const touched = (step: string) => entry.steps.some((s) => s.step === step && s.status !== 'pending' && s.status !== 'skipped');
  const moved = head !== target.commit || touched('reset') || entry.outcome === 'restarting';
  // Killed between `git stash push` and the journal recording it: the run's own stash, found by its message.
  const savedChanges = entry.savedChanges ?? (touched('save-local-changes') ? await findUnrecordedStash(git, entry.from, entry.startedAt) : null);
  if (savedChanges && !entry.savedChanges) await new UpdateJournal(opts.dataDir).patch(entry.id, { savedChanges });
  // Killed between a rollback's (or an earlier recovery's) `git stash push` and the journal naming it.
  const named = [savedChanges, entry.recoveredEdits, ...(entry.moreRecoveredEdits ?? [])].flatMap((s) => (s ? [s.sha] : []));
  for (const found of await findUnrecordedSetAsides(git, entry.startedAt, named)) {
    await new UpdateJournal(opts.dataDir).recordRecoveredEdits(entry.id, found);
    say(coreText('update.boot.setAside', { command: stashApplyCommand(found) }));
  }
  if (moved) {
    // Edits made since (someone trying to fix the broken version) are set aside, never wiped.
    const leftover = await saveLocalChanges(git, head);
    if (leftover) {
      await new UpdateJournal(opts.dataDir).recordRecoveredEdits(entry.id, leftover);
      say(coreText('update.boot.setAside', { command: stashApplyCommand(leftover) }));
    }
  }
  // Ignored files the update's reset replaced (copied aside first, found by the run's id): back only on `from`.
  const replaced = replacedFilesDir(opts.dataDir, entry.id);
  const putBack = target.commit === entry.from && filesIn(replaced).length > 0;
  const edits = await restoreCheckout({
    git,
    appDir: opts.appDir,
    commit: target.commit,
    moveCheckout: moved,
    reinstall: target.rebuild && (entry.lockfileChanged || (await lockfileDiffers(git, entry.from, head))),
    rebuild: target.rebuild,
    // Saved on `from`: put back only there (on the new version they are re-applied once it is healthy).
    savedChanges: target.commit === entry.from ? savedChanges : null,
    replaced: putBack ? replaced : null,
    copyTo: replacedFilesDir(opts.dataDir, `${entry.id}-back`),
    commands: { ...DEFAULT_COMMANDS, ...opts.commands },
    timeouts,
    env: opts.commandEnv,
    log: say,
  });
  if (edits) await new UpdateJournal(opts.dataDir).recordRecoveredEdits(entry.id, edits);
  const kept = putBack ? [] : filesIn(replaced);
  if (kept.length) {
    const command = copyBackCommand(replaced, opts.appDir);
    say(coreText('update.restore.filesKept', { files: kept.join(', '), dir: replaced, command }));
    // The last update's note says it too (it hides replaced files of an undone update, as put back).
    await new UpdateJournal(opts.dataDir).patch(entry.id, { replacedFiles: { dir: replaced, files: kept, command }, replacedFilesKept: true });
  }
  if (savedChanges) await noteSavedChanges(git, new UpdateJournal(opts.dataDir), entry.id, savedChanges);
  // Checked against the entry's snapshot: this process took none of its own.
  if (opts.config && entry.configBackup && existsSync(entry.configBackup) && !(await opts.config.verify(entry.configBackup))) {
    await opts.config.restore(entry.configBackup);
    say(coreText('update.boot.settingsRestored', { file: entry.configBackup }));
  }
  return { moved, commit: target.commit, rebuilt: moved && target.rebuild, switchedBack: target.restart === true };
}

/**
 * The claims of the re-apply of update `id`'s edits, one per attempt (`reapply-<id>.<n>.claim`, holding the pid
 * that took it): created before the apply starts, so the next start knows one was cut short. Only the process that
 * creates claim n+1 (exclusively) makes the next attempt. 3.1.0's single empty claim counts as attempt 1.
 */
const claimOf = (dataDir: string, id: string, n: number) => join(dataDir, n === 1 && existsSync(join(dataDir, `reapply-${id}.claim`)) ? `reapply-${id}.claim` : `reapply-${id}.${n}.claim`);

function lastClaim(dataDir: string, id: string): { n: number; pid: number | null } {
  let n = 0;
  while (existsSync(claimOf(dataDir, id, n + 1))) n++;
  if (n === 0) return { n, pid: null };
  const pid = Number.parseInt(readFileSync(claimOf(dataDir, id, n), 'utf8'), 10);
  return { n, pid: Number.isInteger(pid) && pid > 0 ? pid : null };
}

function takeClaim(dataDir: string, id: string, n: number, pid: number): boolean {
  try {
    writeFileSync(join(dataDir, `reapply-${id}.${n}.claim`), String(pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The last update succeeded, but the process that vouched for it was killed before it put the user's edits
 * back (their state never journalled): they were left in their stash, said "kept". Still on the version
 * that update installed and that stash still there: put back now, as markHealthy would have.
 * Not an older entry (before states were journalled, the user may have applied and dropped them by hand).
 * Killed *during* an apply (a claim left by a dead process): what the checkout holds (half-applied edits,
 * conflict markers, a hand resolution made since) is set aside first, never discarded, then the apply is retried.
 */
async function reapplyLeftEdits(journal: UpdateJournal, o: { appDir: string; dataDir: string; pid: number; isAlive: (pid: number) => boolean }, say: (line: string | CoreSentence) => void): Promise<void> {
  const last = (await journal.entries()).at(-1);
  const saved = last?.outcome === 'success' && last.lastBootPid !== null && last.to ? last.savedChanges : null;
  if (!last || !saved || saved.state !== undefined) return;
  try {
    const git = openGit(o.appDir);
    if ((await headSha(git)) !== last.to) return;
    const stashes = (await git.raw(['stash', 'list', '--format=%H'])).split('\n');
    if (!stashes.includes(saved.sha)) return;
    // One copy only (the service and the desktop app may start together): the one that creates the next claim.
    const claim = lastClaim(o.dataDir, last.id);
    if (claim.n > 0 && claim.pid !== null && claim.pid !== o.pid && o.isAlive(claim.pid)) return;
    if (!takeClaim(o.dataDir, last.id, claim.n + 1, o.pid)) return;
    if (claim.n > 0) {
      const named = [saved, last.recoveredEdits, ...(last.moreRecoveredEdits ?? [])].flatMap((s) => (s ? [s.sha] : []));
      // An earlier attempt at this, cut short after its `git stash push`: named now.
      for (const found of await findUnrecordedSetAsides(git, last.startedAt, named)) await journal.recordRecoveredEdits(last.id, found);
      const held = await setAsideEverything(git, last.to);
      if (held) {
        await journal.recordRecoveredEdits(last.id, held);
        say(coreText('update.boot.setAside', { command: stashApplyCommand(held) }));
      }
    }
    const state = await reapplyLocalChanges(git, saved);
    await journal.patch(last.id, { savedChanges: { ...saved, state } });
    say(state === 'reapplied' ? coreText('update.boot.editsReapplied') : coreText('update.boot.editsKept', { command: stashApplyCommand(saved) }));
  } catch {
    // Left as it was: the journal still names the stash and its command.
  }
}

/**
 * Call once the app is healthy after startup; closes the update that led to this boot. With `appDir`,
 * the edits the update set aside are then re-applied when they apply cleanly (journalled either way).
 */
export async function markHealthy(opts: { dataDir: string; appDir?: string; pid?: number }): Promise<boolean> {
  const journal = new UpdateJournal(opts.dataDir);
  const entry = await journal.pending();
  // Only the process whose boot was counted may vouch for the new version.
  if (!entry || entry.outcome !== 'restarting' || entry.lastBootPid !== (opts.pid ?? process.pid)) return false;
  await journal.completeAfterRestart(true);
  // The claim first: killed during the apply, the next start finds it and takes over (reapplyLeftEdits).
  if (opts.appDir && entry.savedChanges && takeClaim(opts.dataDir, entry.id, 1, opts.pid ?? process.pid)) {
    const saved = entry.savedChanges;
    const state = await reapplyLocalChanges(openGit(opts.appDir), saved).catch(() => 'kept' as const);
    await journal.patch(entry.id, { savedChanges: { ...saved, state } });
  }
  return true;
}
