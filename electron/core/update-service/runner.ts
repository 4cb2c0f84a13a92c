// Runs the update the user confirmed: the pipeline with the bot and settings as its ports, its step
// events folded into the view's run, and the outcome logged.
import { coreText } from '../../../shared/core-text.js';
import type { UpdateRun, UpdateStepName, UpdateView } from '../../../shared/types.js';
import { CommandError } from '../errors.js';
import { say } from '../log/say.js';
import { SentenceError } from '../sentence-error.js';
import { isUpdating, runUpdate, UPDATE_STEPS, type ConfigBackup, type StepEvent, type UpdateResult } from '../update/index.js';
import type { UpdateServiceOptions } from '../update-service.js';
import type { UpdateRestarts } from './restarts.js';
import { foldStepEvent, pendingStep } from './step-view.js';
import type { UpdateViewStore } from './view-store.js';

export interface UpdateRunnerDeps {
  store: UpdateViewStore;
  restarts: UpdateRestarts;
  config: ConfigBackup;
  /** True while this process is the new version of an update that has not proved healthy yet. */
  watching: () => boolean;
  /** Checks again once an update ends without a restart. */
  check: () => Promise<unknown>;
}

export class UpdateRunner {
  constructor(
    private readonly o: UpdateServiceOptions,
    private readonly d: UpdateRunnerDeps,
  ) {}

  /** Starts the update the user confirmed. Replies at once; progress follows as events. */
  async run(target: string): Promise<UpdateView> {
    const view = this.d.store.get();
    if (isUpdating() || view.state === 'updating') throw new CommandError('busy', coreText('command.updateAlreadyRunning'));
    // This process is the new version an update just started: that update ends when it proves healthy.
    if (this.d.watching()) throw new CommandError('busy', coreText('command.updateStartingUp'));
    if (view.state !== 'available' || view.target !== target) {
      throw new CommandError('invalid-input', coreText('command.updateChanged'));
    }
    const s = this.o.settings.effective();
    const run: UpdateRun = {
      id: '',
      startedAt: Date.now(),
      from: view.current ?? '',
      to: target,
      steps: UPDATE_STEPS.map(pendingStep),
      outcome: 'running',
      message: 'Updating…',
    };
    this.o.setBusy(coreText('command.updateRunning'));
    say(this.o.logger, 'info', coreText('update.log.started', { from: run.from.slice(0, 7), to: target.slice(0, 7) }));
    this.d.store.set({ state: 'updating', message: 'Updating…', run });
    void this.pipeline(s.autoRestartService, s.updateBranch).finally(() => this.o.setBusy(null));
    return this.d.store.get();
  }

  private async pipeline(autoRestartService: boolean, branch: string): Promise<void> {
    const { store, restarts } = this.d;
    let result: UpdateResult;
    try {
      result = await runUpdate({
        appDir: this.o.appDir,
        dataDir: this.o.dataDir,
        branch: branch || undefined,
        autoRestartService,
        restartMethod: this.o.settings.stored.restartMethod,
        packaged: this.o.packaged ?? false,
        stopBot: 'late',
        bot: {
          isRunning: () => this.o.monitor.isRunning(),
          stop: async () => {
            restarts.botWasRunning = this.o.monitor.isRunning();
            await this.o.monitor.stop();
          },
          start: async () => void (await this.o.monitor.start()),
        },
        config: this.d.config,
        restarter: { restart: (plan) => restarts.restartWith(plan) },
        onEvent: (e) => this.step(e),
        ...(this.o.handover ? { standby: { start: (log: (l: string) => void, entry?: string) => this.o.handover!.standby(log, entry), abort: () => this.o.handover!.abort() } } : {}),
        ...(this.o.detect ? { detect: this.o.detect } : {}),
        ...this.o.pipeline,
      });
    } catch (err) {
      // A refusal before any step (a git lock held by the user's command) is said by key when it is a sentence.
      const i18n = err instanceof SentenceError ? { i18n: err.sentence.i18n } : {};
      result = { outcome: 'failed', message: err instanceof Error ? err.message : String(err), ...i18n } as UpdateResult;
    }
    const level = result.outcome === 'restarting' || result.outcome === 'restart-needed' ? 'info' : 'error';
    // The failed step's own output says why; the stepper shows it all, the log its tail.
    for (const step of store.get().run?.steps ?? []) {
      if (step.status === 'failed') for (const line of step.log.slice(-15)) this.o.logger.warn(`[${step.step}] ${line}`);
    }
    this.o.logger[level](result.i18n ? { i18n: result.i18n } : {}, result.message);
    const said = result.i18n ? { i18n: { message: result.i18n } } : {};
    const current = store.get().run;
    const run = current ? { ...current, id: result.id ?? '', outcome: result.outcome, message: result.message, ...said } : null;
    store.set({ run, restartNeeded: result.outcome === 'restart-needed', state: result.outcome === 'restarting' ? 'updating' : 'up-to-date' });
    // A standby that will not take over (rolled back, or restart left to the user) goes away.
    if (result.outcome !== 'restarting') void this.o.handover?.abort().catch(() => undefined);
    if (result.outcome !== 'restarting') void this.d.check();
  }

  private step(e: StepEvent): void {
    const run = this.d.store.get().run;
    if (!run) return;
    const steps = run.steps.some((s) => s.step === e.step) ? run.steps : [...run.steps, pendingStep(e.step as UpdateStepName)];
    for (const line of e.log) this.o.logger.debug(`[update ${e.step}] ${line}`);
    this.d.store.set({
      run: {
        ...run,
        id: e.updateId,
        steps: steps.map((s) => (s.step === e.step ? foldStepEvent(s, e) : s)),
      },
    });
  }
}
