// Connects the self-update engine to the app: one view of the update state for the panel and the
// tray, periodic checks, the pipeline with the bot and settings as its ports, and the boot watchdog.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreText, type CoreSentence } from '../../shared/core-text.js';
import type { Logger } from 'pino';
import type { LastUpdate, UpdateRun, UpdateStepName, UpdateView } from '../../shared/types.js';
import type { ChannelMonitor } from './bot/monitor.js';
import { CommandError } from './errors.js';
import type { EventBus } from './event-bus.js';
import type { HandoverPort, Relauncher } from './ports.js';
import { takeOverPath } from './update/handover-path.js';
import { DEFAULTS } from './settings/schema.js';
import type { Settings } from './settings/settings.js';
import {
  bootCheck,
  checkForUpdates,
  appConfigFiles,
  createFileConfigBackup,
  createRestarter,
  installedCommits,
  detectRestartMethod,
  isUpdating,
  markHealthy,
  NOTHING_PENDING,
  runUpdate,
  UpdateJournal,
  UPDATE_STEPS,
  type ConfigBackup,
  type Env,
  type ReadFile,
  type RestartPlan,
  type StepEvent,
  type UpdateContext,
  type UpdateResult,
} from './update/index.js';
import { say } from './log/say.js';
import { describePlan, describeSetAside, toLastUpdate, viewFromCheck } from './update-view.js';

export interface UpdateServiceOptions {
  appDir: string;
  dataDir: string;
  settings: Settings;
  monitor: ChannelMonitor;
  bus: EventBus;
  logger: Logger;
  setBusy: (reason: string | CoreSentence | null) => void;
  relauncher: Relauncher | null;
  /** Headless: the new version starts beside this one and takes over (null: restart as before). */
  handover?: HandoverPort | null;
  packaged?: boolean;
  /** Install/build/self-test commands and timeouts (tests use small ones). */
  pipeline?: Pick<UpdateContext, 'commands' | 'timeouts' | 'commandEnv'>;
  detect?: { env: Env; readFile: ReadFile };
}

/** Written before a restart when the bot was running, so the new process starts it whatever autoStartBot says. */
export const RESUME_BOT_FILE = 'resume-bot';

export class UpdateService {
  private view: UpdateView;
  private timer: NodeJS.Timeout | null = null;
  /** The settings snapshot each update takes (and restores when the update lost them). */
  readonly config: ConfigBackup;
  private botWasRunning = false;
  private watching = false;
  private disposed = false;

  constructor(private readonly o: UpdateServiceOptions) {
    this.config = createFileConfigBackup({
      files: appConfigFiles({ settingsFile: o.settings.file, dataDir: o.dataDir, appDir: o.appDir }),
      backupDir: join(o.dataDir, 'backups'),
    });
    this.view = {
      state: 'checking',
      message: 'Not checked yet.',
      checkedAt: null,
      current: null,
      target: null,
      count: 0,
      commits: [],
      localChanges: [],
      dependencies: null,
      estimate: null,
      restart: describePlan(this.plan(), o.settings.effective().autoRestartService),
      run: null,
      lastUpdate: null,
      restartNeeded: false,
    };
  }

  get(): UpdateView {
    return this.view;
  }

  private set(patch: Partial<UpdateView>): UpdateView {
    this.view = { ...this.view, ...patch };
    this.o.bus.emit('update.status', this.view);
    return this.view;
  }

  private plan(): RestartPlan {
    const detect = this.o.detect ?? { env: process.env, readFile: (p: string) => readFileSync(p, 'utf8') };
    return detectRestartMethod(detect.env, detect.readFile, this.o.settings.stored.restartMethod);
  }

  /** First check now, then every `checkIntervalMinutes` (re-read each time). */
  schedule(): void {
    // Nothing a round throws may end the timer or the process (an unhandled rejection does): logged, re-armed.
    let minutes = DEFAULTS.checkIntervalMinutes;
    const round = () =>
      void this.check()
        .catch((err: unknown) => say(this.o.logger, 'warn', coreText('update.log.checkFailed', { detail: err instanceof Error ? err.message : String(err) })))
        .finally(next);
    const next = () => {
      // A round that ends after shutdown arms nothing: the timer would outlive the core.
      if (this.disposed) return;
      try {
        minutes = this.o.settings.effective().checkIntervalMinutes;
      } catch (err) {
        say(this.o.logger, 'warn', coreText('update.log.intervalUnreadable', { minutes, detail: err instanceof Error ? err.message : String(err) }));
      }
      this.timer = setTimeout(round, minutes * 60_000);
      this.timer.unref();
    };
    round();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async check(): Promise<UpdateView> {
    if (isUpdating() || this.view.state === 'updating') return this.view;
    const s = this.o.settings.effective();
    this.set({ state: 'checking', message: 'Checking for updates…' });
    const result = await checkForUpdates({
      appDir: this.o.appDir,
      dataDir: this.o.dataDir,
      branch: s.updateBranch || undefined,
      autoUpdateEnabled: s.autoUpdateEnabled,
      packaged: this.o.packaged ?? false,
      // Custom commands (tests) build in place: nothing is reused then.
      releases: this.o.pipeline?.commands === undefined,
    });
    if (result.state === 'error') say(this.o.logger, 'warn', coreText('update.log.checkFailed', { detail: result.i18n ?? result.message }));
    if (result.state === 'available') say(this.o.logger, 'info', coreText('update.log.available', { count: result.count }));
    const view = viewFromCheck(result);
    // A checkbox locked by the environment cannot be ticked: point at the variable instead.
    const envVar = this.o.settings.view().fromEnv.autoUpdateEnabled;
    if (result.state === 'disabled' && result.reason === 'auto-update-off' && envVar) {
      view.disabled = { reason: result.reason, envVar };
      view.message = `Update checks are turned off by the environment variable ${envVar}, set where the app is started: remove it or set it to True there.`;
    }
    return this.set({ ...view, restart: describePlan(this.plan(), s.autoRestartService) });
  }

  /** Starts the update the user confirmed. Replies at once; progress follows as events. */
  async run(target: string): Promise<UpdateView> {
    if (isUpdating() || this.view.state === 'updating') throw new CommandError('busy', coreText('command.updateAlreadyRunning'));
    // This process is the new version an update just started: that update ends when it proves healthy.
    if (this.watching) throw new CommandError('busy', coreText('command.updateStartingUp'));
    if (this.view.state !== 'available' || this.view.target !== target) {
      throw new CommandError('invalid-input', coreText('command.updateChanged'));
    }
    const s = this.o.settings.effective();
    const run: UpdateRun = {
      id: '',
      startedAt: Date.now(),
      from: this.view.current ?? '',
      to: target,
      steps: UPDATE_STEPS.map((step) => ({ step, status: 'pending', durationMs: 0, log: [] })),
      outcome: 'running',
      message: 'Updating…',
    };
    this.o.setBusy(coreText('command.updateRunning'));
    say(this.o.logger, 'info', coreText('update.log.started', { from: run.from.slice(0, 7), to: target.slice(0, 7) }));
    this.set({ state: 'updating', message: 'Updating…', run });
    void this.pipeline(s.autoRestartService, s.updateBranch).finally(() => this.o.setBusy(null));
    return this.view;
  }

  private async pipeline(autoRestartService: boolean, branch: string): Promise<void> {
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
            this.botWasRunning = this.o.monitor.isRunning();
            await this.o.monitor.stop();
          },
          start: async () => void (await this.o.monitor.start()),
        },
        config: this.config,
        restarter: { restart: (plan) => this.restartWith(plan) },
        onEvent: (e) => this.step(e),
        ...(this.o.handover ? { standby: { start: (log: (l: string) => void, entry?: string) => this.o.handover!.standby(log, entry), abort: () => this.o.handover!.abort() } } : {}),
        ...(this.o.detect ? { detect: this.o.detect } : {}),
        ...this.o.pipeline,
      });
    } catch (err) {
      result = { outcome: 'failed', message: err instanceof Error ? err.message : String(err) } as UpdateResult;
    }
    const level = result.outcome === 'restarting' || result.outcome === 'restart-needed' ? 'info' : 'error';
    // The failed step's own output says why; the stepper shows it all, the log its tail.
    for (const step of this.view.run?.steps ?? []) {
      if (step.status === 'failed') for (const line of step.log.slice(-15)) this.o.logger.warn(`[${step.step}] ${line}`);
    }
    this.o.logger[level](result.i18n ? { i18n: result.i18n } : {}, result.message);
    const said = result.i18n ? { i18n: { message: result.i18n } } : {};
    const run = this.view.run ? { ...this.view.run, id: result.id ?? '', outcome: result.outcome, message: result.message, ...said } : null;
    this.set({ run, restartNeeded: result.outcome === 'restart-needed', state: result.outcome === 'restarting' ? 'updating' : 'up-to-date' });
    // A standby that will not take over (rolled back, or restart left to the user) goes away.
    if (result.outcome !== 'restarting') void this.o.handover?.abort().catch(() => undefined);
    if (result.outcome !== 'restarting') void this.check();
  }

  private step(e: StepEvent): void {
    const run = this.view.run;
    if (!run) return;
    const steps = run.steps.some((s) => s.step === e.step) ? run.steps : [...run.steps, { step: e.step as UpdateStepName, status: 'pending' as const, durationMs: 0, log: [] }];
    for (const line of e.log) this.o.logger.debug(`[update ${e.step}] ${line}`);
    this.set({
      run: {
        ...run,
        id: e.updateId,
        steps: steps.map((s) =>
          s.step === e.step ? { ...s, status: e.status, durationMs: e.durationMs, log: [...s.log, ...e.log].slice(-200), ...(e.error ? { error: e.error } : {}), ...(e.errorI18n ? { i18n: { error: e.errorI18n } } : {}) } : s,
        ),
      },
    });
  }

  /** Restarts the app (service manager or relaunch); the bot is resumed by the new process. */
  private async restartWith(plan: RestartPlan): Promise<void> {
    if (!this.o.relauncher && plan.method === 'relaunch') throw new Error('This process cannot relaunch itself; restart it by hand.');
    if (this.botWasRunning) writeFileSync(join(this.o.dataDir, RESUME_BOT_FILE), String(process.pid));
    const path = takeOverPath(plan, (this.o.detect ?? { env: process.env }).env);
    if (this.o.handover) {
      if (path.handover) {
        this.o.logger.info(`Taking over: ${path.why}.`);
        return this.o.handover.takeOver({ resumeBot: this.botWasRunning });
      }
      await this.o.handover.abort();
    }
    this.o.logger.info(`Restarting: ${plan.reason}; ${path.why}.`);
    await createRestarter(this.o.relauncher ?? { relaunch: async () => undefined }).restart(plan);
  }

  /** How a restart would happen now: 'relaunch' (ourselves) or a service manager's name. */
  restartMethod(): string {
    return this.plan().method;
  }

  /** The "Restart now" button after an update with automatic restart off. */
  async restartNow(): Promise<{ restarting: true; method: string }> {
    if (isUpdating()) throw new CommandError('busy', coreText('command.updateRestartsItself'));
    const plan = this.plan();
    this.botWasRunning = this.o.monitor.isRunning();
    await this.o.monitor.stop();
    void this.restartWith(plan).catch((err: unknown) => {
      say(this.o.logger, 'error', coreText('update.log.restartFailed', { detail: err instanceof Error ? err.message : String(err) }));
      if (this.botWasRunning) void this.o.monitor.start();
    });
    return { restarting: true, method: plan.method };
  }

  /** At startup, before the bot: finish or undo what a previous process left, and remember the last update. */
  async boot(): Promise<{ resumeBot: boolean; restartNeeded: boolean }> {
    const report = await bootCheck({ appDir: this.o.appDir, dataDir: this.o.dataDir, config: this.config, onLog: (l, i18n) => (l === NOTHING_PENDING ? this.o.logger.debug(l) : this.o.logger.info(i18n ? { i18n } : {}, l)), ...this.o.pipeline });
    if (report.outcome === 'rolled-back' || report.outcome === 'interrupted' || report.outcome === 'failed') this.o.logger.warn(report.i18n ? { i18n: report.i18n } : {}, report.message);
    this.watching = report.outcome === 'watching';
    const marker = join(this.o.dataDir, RESUME_BOT_FILE);
    const resumeBot = existsSync(marker);
    rmSync(marker, { force: true });
    await this.refreshLastUpdate();
    if (report.restartNeeded) for (const line of describeSetAside(this.view.lastUpdate?.setAside ?? null)) this.o.logger.warn(line);
    return { resumeBot, restartNeeded: report.restartNeeded };
  }

  /**
   * Healthy = the panel is up and, when the bot was to start, its attempt concluded (connected, or an
   * error it reports). Call once the panel is served; without it the watchdog rolls a fresh update
   * back after a few boots.
   */
  async confirmHealthyWhenSettled(botStarting: boolean, withinMs = 60_000): Promise<void> {
    const settled = () => ['connected', 'error'].includes(this.o.monitor.status().state);
    if (botStarting && !settled()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, withinMs);
        const off = this.o.bus.on('bot.status', () => settled() && done());
        function done() {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
      if (!settled()) {
        say(this.o.logger, 'error', coreText('update.log.botNotSettled', { seconds: withinMs / 1000 }));
        return;
      }
    }
    await this.confirmHealthy();
  }

  /** Vouches for this version now (the journal entry becomes a success). */
  async confirmHealthy(): Promise<void> {
    if (!this.watching) return;
    this.watching = false;
    if (await markHealthy({ dataDir: this.o.dataDir, appDir: this.o.appDir })) {
      await this.refreshLastUpdate();
      const last = this.view.lastUpdate;
      if (last) this.o.logger.info(last.i18n ? { i18n: last.i18n.message } : {}, last.message);
      for (const line of describeSetAside(last?.setAside ?? null)) this.o.logger.info(line);
    }
  }

  private async refreshLastUpdate(): Promise<void> {
    const entries = await new UpdateJournal(this.o.dataDir).entries();
    const last = entries.filter((e) => e.outcome !== 'running' && e.outcome !== 'restarting').at(-1);
    if (!last) return;
    const commits: LastUpdate['commits'] = last.to && last.outcome === 'success' ? await installedCommits(this.o.appDir, last.from, last.to) : [];
    this.set({ lastUpdate: toLastUpdate(last, commits) });
  }
}
