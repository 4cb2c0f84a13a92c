// runUpdate: stop the bot, update the code, build and self-test it, then restart — or roll back.
import { describe, runCommand, withDeadline } from './command.js';
import { coreText, type CoreParam } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { gitMessage, headSha, openGit, short } from './git.js';
import { UpdateJournal } from './journal.js';
import { acquireUpdateLock } from './lock.js';
import { clearStaleGitLocks } from './git-locks.js';
import { DEFAULT_COMMANDS, DEFAULT_TIMEOUTS, type UpdateContext } from './options.js';
import { UpdateRefusedError, whyDisabled } from './preconditions.js';
import { countCommits, fetchTarget, lockfileDiffers, resolveTarget, TargetError } from './repo.js';
import { finishRestart, rollBack, type Run } from './finish.js';
import { copyBackCommand, copyReplacedFiles, replacedFilesDir } from './replaced-files.js';
import { noteSavedChanges } from './last-update.js';
import * as releases from './release-steps.js';
import { StepFailure, StepReporter, type StepLog } from './steps.js';
import { UPDATE_STEPS, type Command, type UpdateResult } from './types.js';
import { keepLocalCommits, resetHard, saveLocalChanges, SetAsideError, trackedChanges, untrackedFiles } from './worktree.js';

/**
 * Runs the whole update. Rejects at once (UpdateInProgressError) if another update runs, or
 * (UpdateRefusedError) if this install cannot self-update; every other failure is a result.
 */
export async function runUpdate(ctx: UpdateContext): Promise<UpdateResult> {
  const release = acquireUpdateLock('update');
  try {
    const result = await update(ctx);
    if (result.savedChanges && (result.outcome === 'rolled-back' || result.outcome === 'failed')) {
      result.savedChanges = await noteSavedChanges(openGit(ctx.appDir), new UpdateJournal(ctx.dataDir), result.id, result.savedChanges);
    }
    return result;
  } finally {
    release();
  }
}

async function update(ctx: UpdateContext): Promise<UpdateResult> {
  const disabled = await whyDisabled({ appDir: ctx.appDir, packaged: ctx.packaged });
  if (disabled) throw new UpdateRefusedError(disabled);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...ctx.timeouts };
  const commands = { ...DEFAULT_COMMANDS, ...ctx.commands };
  const git = openGit(ctx.appDir, timeouts.git);
  const from = await headSha(git);
  // A git killed earlier (a check's fetch, a hand-run command) may have left lock files behind.
  const staleLocks = await clearStaleGitLocks(git, ctx.appDir);
  const journal = new UpdateJournal(ctx.dataDir);
  const entry = await journal.begin({ from });
  const steps = new StepReporter(entry.id, ctx.onEvent ?? (() => undefined), (r) => journal.recordStep(entry.id, r));
  const run: Run = {
    ctx, git, journal, steps, commands, timeouts, id: entry.id, from, to: null,
    wasRunning: false, snapshot: null, saved: null, replaced: null, lockfileChanged: false, stopBot: async () => undefined,
    // Release mode needs the app's own build script (DM_BUILD_OUT); custom commands keep building in place.
    releases: (ctx.releases ?? ctx.commands === undefined) ? releases.startReleaseRun() : null,
  };
  const releaseCtx = (log: StepLog) => ({ git, appDir: ctx.appDir, from, to: run.to as string, commands, timeouts, env: ctx.commandEnv, log });
  const exec = (cmd: Command, timeoutMs: number, log: (line: string) => void) => {
    log(`$ ${describe(cmd)}`);
    return runCommand(cmd, { cwd: ctx.appDir, timeoutMs, onLine: log, env: ctx.commandEnv });
  };
  steps.announce(UPDATE_STEPS);

  if (run.releases) await releases.prepareEarly(run.releases, { git, appDir: ctx.appDir, from, commands, timeouts, env: ctx.commandEnv, log: () => undefined }, ctx.branch);

  const late = ctx.stopBot === 'late';
  run.stopBot = () =>
    steps.run('stop-bot', async (log) => {
      run.wasRunning = ctx.bot.isRunning();
      if (!run.wasRunning) return { skipped: coreText('update.skip.botNotRunning') };
      await withDeadline(ctx.bot.stop(), timeouts.botStop, coreText('update.doing.stopBot'));
      log(coreText('update.line.botStopped'));
    });
  try {
    if (!late) await run.stopBot();
    await steps.run('backup-config', async (log) => {
      staleLocks.forEach(log);
      run.snapshot = await withDeadline(ctx.config.snapshot(), timeouts.config, coreText('update.doing.saveSettings'));
      await journal.patch(run.id, { configBackup: run.snapshot });
      log(coreText('update.line.settingsSaved', { file: run.snapshot }));
    });
    await steps.run('save-local-changes', async (log) => {
      run.saved = await saveLocalChanges(git, from).catch(async (err: unknown) => {
        // Edits left in a stash must be journalled: the rollback retries them and the user is told.
        if (err instanceof SetAsideError && err.stillSaved) {
          run.saved = err.stillSaved;
          await journal.patch(run.id, { savedChanges: run.saved });
        }
        throw err;
      });
      if (!run.saved) return { skipped: coreText('update.skip.noLocalChanges') };
      await journal.patch(run.id, { savedChanges: run.saved });
      log(coreText('update.line.changesSetAside', { ref: run.saved.ref, message: run.saved.message }));
      log(coreText('update.line.getThemBack', { command: `git stash apply ${run.saved.sha}` }));
    });
    await steps.run('fetch', async (log) => {
      const target = await resolveTarget(git, ctx.branch);
      const to = await fetchTarget(openGit(ctx.appDir, timeouts.fetch), target).catch((err: unknown) => {
        if (err instanceof TargetError) throw err;
        throw new SentenceError(coreText('update.fetchStepFailed', { ref: target.ref, remote: target.remote, detail: gitMessage(err) }));
      });
      run.to = to;
      // The new commit's files are exported from now on, beside the steps up to the build, which awaits them.
      if (run.releases) await releases.prepare(run.releases, releaseCtx(log));
      // Each of these is a git start on the update's critical path: asked at once.
      const [lockfileChanged, count, kept] = await Promise.all([lockfileDiffers(git, from, to), countCommits(git, `${from}..${to}`), keepLocalCommits(git, from, to)]);
      run.lockfileChanged = lockfileChanged;
      await journal.patch(run.id, { to, lockfileChanged, ...(kept ? { keptCommits: kept } : {}) });
      log(coreText('update.line.fetched', { ref: target.ref, to: short(to), count, from: short(from) }));
      if (kept) log(coreText('update.line.commitsKept', { count: kept.count, ref: target.ref, branch: kept.branch }));
    });
    await steps.run('reset', async (log) => {
      // Edited since they were set aside (the user at work while the fetch ran): the reset would overwrite
      // them. Stopped here; the rollback sets them aside and says where.
      const edited = await trackedChanges(git);
      const files = `${edited.slice(0, 5).join(', ')}${edited.length > 5 ? ', …' : ''}`;
      if (edited.length) throw new SentenceError(coreText('update.filesChangedDuringUpdate', { files }));
      // Ignored here (no stash holds them) and tracked by the new version: the reset would replace them.
      run.replaced = await copyReplacedFiles(git, ctx.appDir, run.to as string, replacedFilesDir(ctx.dataDir, run.id));
      if (run.replaced) {
        const { dir, files } = run.replaced;
        // Journalled: the panel's last-update note says where they are once this log is gone (after the restart).
        await journal.patch(run.id, { replacedFiles: { dir, files, command: copyBackCommand(dir, ctx.appDir) } });
        log(coreText('update.line.filesReplaced', { to: short(run.to), count: files.length, files: firstOf(files), dir }));
        log(coreText('update.line.getThemBack', { command: copyBackCommand(dir, ctx.appDir) }));
      }
      log(await resetHard(git, run.to as string));
    });
    await steps.run('clean', async (log) => {
      const kept = await untrackedFiles(git);
      if (kept.length === 0) return { skipped: coreText('update.skip.noUntracked') };
      log(coreText('update.line.untrackedLeft', { files: firstOf(kept) }));
    });
    await steps.run('restore-config', async (log) => {
      if (await withDeadline(ctx.config.verify(), timeouts.config, coreText('update.doing.checkSettings'))) return log(coreText('update.line.settingsIntact'));
      log(coreText('update.line.settingsChanged'));
      await withDeadline(ctx.config.restore(run.snapshot as string), timeouts.config, coreText('update.doing.restoreSettings'));
      if (!(await ctx.config.verify())) throw new SentenceError(coreText('update.settingsNotRestored', { file: run.snapshot as string }));
      log(coreText('update.line.settingsRestored'));
    });
    // In release mode the running node_modules is never touched: the bot keeps running through the install.
    if (late && run.lockfileChanged && !run.releases) await run.stopBot();
    await steps.run('install-deps', async (log) => {
      if (run.releases) {
        const made = await releases.installDeps(run.releases, releaseCtx(log));
        // 'linked' (first update of a plain checkout) hard-links the same set into the store: no install ran.
        if (made !== 'installed') return { skipped: coreText('update.skip.depsReused') };
        return;
      }
      if (!run.lockfileChanged) return { skipped: coreText('update.skip.lockfileUnchanged') };
      await exec(commands.install, timeouts.install, log);
    });
    await steps.run('build', async (log) => {
      if (run.releases) await releases.build(run.releases, releaseCtx(log));
      else await exec(commands.build, timeouts.build, log);
    });
    await steps.run('self-test', async (log) => {
      // With a standby the check is the new version itself, loaded beside us; it stays up to take over.
      const standby = ctx.standby;
      const entry = run.releases?.release ? `${run.releases.release.vite}/build/headless.js` : undefined;
      if (standby) await withDeadline(standby.start(log, entry), timeouts.selfTest, coreText('update.doing.standby'));
      else await exec(run.releases ? releases.inRelease(commands.selfTest, run.releases) : commands.selfTest, timeouts.selfTest, log);
      // Only a release that passed is switched to: the one rename that changes what runs.
      if (run.releases) await releases.switchRelease(run.releases, releaseCtx(log));
    });
  } catch (err) {
    if (err instanceof StepFailure) return rollBack(run, err);
    throw err;
  }
  return finishRestart(run);
}

/** The first 20 names, then how many more (a checkout may hold thousands). */
function firstOf(files: string[]): CoreParam {
  const first = files.slice(0, 20).join(', ');
  return files.length > 20 ? coreText('update.line.andMore', { files: first, count: files.length - 20 }).i18n : first;
}
