// How an update ends: a restart into the new version, or a rollback to the old one.
import type { SimpleGit } from 'simple-git';
import { DeadlineError, describe, withDeadline } from './command.js';
import { coreText, type CoreParam, type CoreSentence } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { short } from './git.js';
import type { UpdateJournal } from './journal.js';
import { realDetectInputs, type UpdateContext, type UpdateTimeouts } from './options.js';
import { replacedFilesDir, type ReplacedFiles } from './replaced-files.js';
import { pauseAt } from './pause-point.js';
import { restoreCheckout } from './restore.js';
import { discard, switchBack, type ReleaseRun } from './release-steps.js';
import { detectRestartMethod } from './restart-method.js';
import { StepFailure, stepLabel, type StepLog, type StepReporter } from './steps.js';
import { UPDATE_STEPS, type SavedChanges, type UpdateCommands, type UpdateResult } from './types.js';

/** What the pipeline learnt so far; the rollback undoes exactly that. */
export interface Run {
  ctx: UpdateContext;
  git: SimpleGit;
  journal: UpdateJournal;
  steps: StepReporter;
  commands: UpdateCommands;
  timeouts: UpdateTimeouts;
  id: string;
  from: string;
  to: string | null;
  wasRunning: boolean;
  /** Runs the stop-bot step (once); in 'late' mode finishRestart calls it right before the restart. */
  stopBot: () => Promise<void>;
  snapshot: string | null;
  saved: SavedChanges | null;
  /** Ignored files the reset replaced, copied aside first: the rollback copies them back. */
  replaced: ReplacedFiles | null;
  lockfileChanged: boolean;
  /** Release mode (build beside the running version, switch at the end); null: build in place. */
  releases: ReleaseRun | null;
}

const base = (run: Run) => ({
  id: run.id,
  from: run.from,
  to: run.to,
  savedChanges: run.saved,
  restart: null,
  botWasRunning: run.wasRunning,
  botRestarted: false,
});

async function startBotAgain(run: Run, log: StepLog): Promise<boolean> {
  if (!run.wasRunning || run.ctx.bot.isRunning()) return false;
  await withDeadline(run.ctx.bot.start(), run.timeouts.botStart, coreText('update.doing.startBot'));
  log(coreText('update.line.botStarted'));
  return true;
}

const said = (s: CoreSentence) => ({ message: s.text, i18n: s.i18n });

export async function finishRestart(run: Run): Promise<UpdateResult> {
  const { ctx, steps, journal } = run;
  const fromTo = { from: short(run.from), to: short(run.to) };
  // The entry is `restarting` until the new version calls markHealthy, whichever way it gets started.
  await journal.finish(run.id, { outcome: 'restarting' });
  const late = ctx.stopBot === 'late';
  if (late && !ctx.autoRestartService) {
    await steps.run('stop-bot', async () => ({ skipped: coreText('update.skip.botKeepsRunning') }));
    // The reason says the restart is off: alone, it shows as the step's note in the panel's language.
    await steps.run('restart', async () => ({ skipped: coreText('update.skip.restartNeeded') }));
    return { ...base(run), outcome: 'restart-needed', ...said(coreText('update.restartNeeded', fromTo)), steps: steps.list(), botRestarted: false };
  }
  if (late && !steps.list().some((s) => s.step === 'stop-bot' && s.status !== 'pending')) {
    try {
      await run.stopBot();
    } catch (err) {
      if (err instanceof StepFailure) return rollBack(run, err);
      throw err;
    }
  }
  if (!ctx.autoRestartService) {
    let botRestarted = false;
    let failed: StepFailure | undefined;
    await steps
      .run('restart', async (log) => {
        botRestarted = await startBotAgain(run, log);
        if (!run.wasRunning) return { skipped: coreText('update.skip.restartNeeded') };
      })
      .catch((err: StepFailure) => (failed = err));
    const restartError = failed?.reason;
    const sentence = failed ? coreText('update.restartNeededBotFailed', { ...fromTo, error: failed.reasonI18n ?? failed.reason }) : coreText('update.restartNeeded', fromTo);
    return { ...base(run), outcome: 'restart-needed', ...said(sentence), steps: steps.list(), botRestarted, ...(restartError ? { restartError } : {}) };
  }

  const inputs = ctx.detect ?? realDetectInputs();
  const plan = detectRestartMethod(inputs.env, inputs.readFile, ctx.restartMethod);
  let botRestarted = false;
  try {
    await steps.run('restart', async (log) => {
      const reason = plan.reason.i18n;
      log(plan.argv ? coreText('update.line.restartingViaCommand', { method: plan.method, command: plan.argv.join(' '), reason }) : coreText('update.line.restartingVia', { method: plan.method, reason }));
      try {
        // The bot stays stopped: the new process starts it, so Discord never sees two sessions on one token.
        await withDeadline(ctx.restarter.restart(plan), run.timeouts.restart, coreText('update.doing.restart'));
      } catch (err) {
        // A refused restart leaves the old code running: bring the bot back until the user restarts.
        // A silent one may still be under way, and a second bot would clash with the new process's.
        if (!(err instanceof DeadlineError)) botRestarted = await startBotAgain(run, log).catch(() => false);
        throw err;
      }
    });
    return { ...base(run), outcome: 'restarting', ...said(coreText('update.restarting', { ...fromTo, method: plan.method })), steps: steps.list(), restart: plan };
  } catch (err) {
    const restartError = err instanceof StepFailure ? err.reason : String(err);
    const error = (err instanceof StepFailure && err.reasonI18n) || restartError;
    return {
      ...base(run),
      outcome: 'restart-needed',
      ...said(coreText('update.restartFailed', { ...fromTo, error })),
      steps: steps.list(),
      restart: plan,
      botRestarted,
      restartError,
    };
  }
}

export async function rollBack(run: Run, failure: StepFailure): Promise<UpdateResult> {
  const { ctx, steps, journal } = run;
  // A standby of the new version must go before the checkout goes back under it.
  await ctx.standby?.abort().catch(() => undefined);
  const remaining = UPDATE_STEPS.slice(UPDATE_STEPS.indexOf(failure.step as (typeof UPDATE_STEPS)[number]) + 1);
  steps.notRun(remaining, coreText('update.skip.notRun', { step: stepLabel(failure.step) }));
  // Each part the rollback could not undo, with its error (by key when the error is one of the core's sentences).
  const errors: CoreSentence[] = [];
  let botRestarted = false;
  const attempt = async (what: CoreSentence, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      const error: CoreParam = err instanceof SentenceError ? err.sentence.i18n : err instanceof Error ? err.message : String(err);
      errors.push(coreText('update.rollback.part', { what: what.i18n, error }));
    }
  };
  await steps
    .run('rollback', async (log) => {
      log(coreText('update.line.rollingBack', { from: short(run.from), step: stepLabel(failure.step) }));
      const releases = run.releases;
      if (releases) await attempt(coreText('update.rollback.discardRelease'), () => discard(releases));
      if (releases) await attempt(coreText('update.rollback.switchBack'), async () => switchBack(releases, ctx.appDir, log));
      await attempt(coreText('update.rollback.restoreCheckout'), async () => {
        const edits = await restoreCheckout({
          git: run.git,
          appDir: ctx.appDir,
          commit: run.from,
          moveCheckout: steps.started('reset'),
          reinstall: run.lockfileChanged && steps.started('install-deps') && !run.releases,
          // In release mode the running build and its node_modules were never touched: only the source moves back.
          rebuild: !run.releases,
          savedChanges: run.saved,
          replaced: run.replaced?.dir ?? null,
          copyTo: replacedFilesDir(ctx.dataDir, `${run.id}-back`),
          commands: run.commands,
          timeouts: run.timeouts,
          env: ctx.commandEnv,
          log,
        });
        // Named in the panel's update view, like edits boot recovery sets aside.
        if (edits) await journal.recordRecoveredEdits(run.id, edits);
      });
      if (run.snapshot) await attempt(coreText('update.rollback.restoreSettings'), () => ctx.config.restore(run.snapshot as string));
      await pauseAt('rolled-back');
      await attempt(coreText('update.rollback.startBot'), async () => void (botRestarted = await startBotAgain(run, log)));
      if (errors.length > 0) throw new SentenceError(joined(errors));
    })
    .catch(() => undefined);

  const error = failure.reason;
  if (errors.length === 0) {
    await journal.finish(run.id, { outcome: 'rolled-back', error, ...(failure.reasonI18n ? { errorI18n: failure.reasonI18n } : {}), failedStep: failure.step });
    const params = { step: stepLabel(failure.step), error: failure.reasonI18n ?? error, from: short(run.from) };
    const sentence = coreText(botRestarted ? 'update.failedRolledBackBotRunning' : 'update.failedRolledBack', params);
    return { ...base(run), outcome: 'rolled-back', ...said(sentence), steps: steps.list(), botRestarted, failedStep: failure.step, error };
  }
  const rollback = joined(errors);
  const rollbackError = rollback.text;
  const both = coreText('update.errorThenRollback', { error: failure.reasonI18n ?? error, rollbackError: rollback.i18n });
  await journal.finish(run.id, { outcome: 'failed', error: both.text, errorI18n: both.i18n, failedStep: failure.step });
  const fix = `cd ${ctx.appDir} && git reset --hard ${run.from} && ${describe(run.commands.install)} && ${describe(run.commands.build)}`;
  const sentence = coreText('update.failedRollbackFailed', { step: stepLabel(failure.step), error: failure.reasonI18n ?? error, rollbackError: rollback.i18n, fix });
  return { ...base(run), outcome: 'failed', ...said(sentence), steps: steps.list(), botRestarted, failedStep: failure.step, error, rollbackError };
}

/** The rollback's errors as one sentence: "a: …; b: …". */
function joined(errors: CoreSentence[]): CoreSentence {
  const [first, ...rest] = errors as [CoreSentence, ...CoreSentence[]];
  if (rest.length === 0) return first;
  const tail = joined(rest);
  return coreText('update.rollback.and', { first: first.i18n, rest: tail.i18n });
}
