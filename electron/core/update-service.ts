// Connects the self-update engine to the app: one view of the update state for the panel and the
// tray, periodic checks, the pipeline with the bot and settings as its ports, and the boot watchdog.
// Each concern lives in update-service/; this class is the one face app-core and the commands use.
import { join } from 'node:path';
import type { CoreSentence } from '../../shared/core-text.js';
import type { Logger } from 'pino';
import type { UpdateView } from '../../shared/types.js';
import type { ChannelMonitor } from './bot/monitor.js';
import type { EventBus } from './event-bus.js';
import type { HandoverPort, Relauncher } from './ports.js';
import type { Settings } from './settings/settings.js';
import { appConfigFiles, createFileConfigBackup, type ConfigBackup, type Env, type ReadFile, type UpdateContext } from './update/index.js';
import { describePlan } from './update-view.js';
import { checkOnce, CheckSchedule } from './update-service/checks.js';
import { UpdateHealth } from './update-service/health.js';
import { UpdateRestarts } from './update-service/restarts.js';
import { UpdateRunner } from './update-service/runner.js';
import { UpdateViewStore } from './update-service/view-store.js';

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

export class UpdateService {
  /** The settings snapshot each update takes (and restores when the update lost them). */
  readonly config: ConfigBackup;
  private readonly store: UpdateViewStore;
  private readonly checks: CheckSchedule;
  private readonly restarts: UpdateRestarts;
  private readonly health: UpdateHealth;
  private readonly runner: UpdateRunner;

  constructor(private readonly o: UpdateServiceOptions) {
    this.config = createFileConfigBackup({
      files: appConfigFiles({ settingsFile: o.settings.file, dataDir: o.dataDir, appDir: o.appDir }),
      backupDir: join(o.dataDir, 'backups'),
    });
    this.restarts = new UpdateRestarts(o);
    this.store = new UpdateViewStore(o.bus, describePlan(this.restarts.plan(), o.settings.effective().autoRestartService));
    this.checks = new CheckSchedule(o);
    this.health = new UpdateHealth(o, this.store, this.config);
    // check() goes through this object so that a spy or override of it sees every check.
    this.runner = new UpdateRunner(o, { store: this.store, restarts: this.restarts, config: this.config, watching: () => this.health.watching, check: () => this.check() });
  }

  get(): UpdateView {
    return this.store.get();
  }

  /** First check now, then every `checkIntervalMinutes` (re-read each time). */
  schedule(): void {
    this.checks.start(() => this.check());
  }

  dispose(): void {
    this.checks.dispose();
  }

  /**
   * One check at a time: a check asked for while one runs starts once it is over. Two at once could end
   * in the wrong order (the scheduled one, started before a release was published, after the panel's),
   * bringing back the older offer: the panel's update was then refused as changed.
   */
  check(): Promise<UpdateView> {
    const next = this.checking.then(() => checkOnce(this.o, this.store, () => this.restarts.plan()));
    this.checking = next.catch(() => undefined);
    return next;
  }
  private checking: Promise<unknown> = Promise.resolve();

  /** Starts the update the user confirmed. Replies at once; progress follows as events. */
  run(target: string): Promise<UpdateView> {
    return this.runner.run(target);
  }

  /** How a restart would happen now: 'relaunch' (ourselves) or a service manager's name. */
  restartMethod(): string {
    return this.restarts.plan().method;
  }

  /** The "Restart now" button after an update with automatic restart off. */
  restartNow(): Promise<{ restarting: true; method: string }> {
    return this.restarts.restartNow();
  }

  /** At startup, before the bot: finish or undo what a previous process left, and remember the last update. */
  boot(): Promise<{ resumeBot: boolean; restartNeeded: boolean }> {
    return this.health.boot();
  }

  /**
   * Healthy = the panel is up and, when the bot was to start, its attempt concluded (connected, or an
   * error it reports). Call once the panel is served; without it the watchdog rolls a fresh update
   * back after a few boots.
   */
  async confirmHealthyWhenSettled(botStarting: boolean, withinMs = 60_000): Promise<void> {
    if (await this.health.botSettled(botStarting, withinMs)) await this.confirmHealthy();
  }

  /** Vouches for this version now (the journal entry becomes a success). */
  confirmHealthy(): Promise<void> {
    return this.health.confirmHealthy();
  }
}
