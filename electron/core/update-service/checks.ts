// Update checks: one check turned into the panel's view, and the periodic round that repeats it.
import { coreText } from '../../../shared/core-text.js';
import type { UpdateView } from '../../../shared/types.js';
import { say } from '../log/say.js';
import { DEFAULTS } from '../settings/schema.js';
import { checkForUpdates, isUpdating, type RestartPlan } from '../update/index.js';
import { preflightRestart } from '../update/restart-preflight.js';
import { describePlan, viewFromCheck } from '../update-view.js';
import type { UpdateServiceOptions } from '../update-service.js';
import type { UpdateViewStore } from './view-store.js';

export async function checkOnce(o: UpdateServiceOptions, store: UpdateViewStore, plan: () => RestartPlan): Promise<UpdateView> {
  if (isUpdating() || store.get().state === 'updating') return store.get();
  const s = o.settings.effective();
  store.set({ state: 'checking', message: 'Checking for updates…' });
  const result = await checkForUpdates({
    appDir: o.appDir,
    dataDir: o.dataDir,
    branch: s.updateBranch || undefined,
    autoUpdateEnabled: s.autoUpdateEnabled,
    packaged: o.packaged ?? false,
    // Custom commands (tests) build in place: nothing is reused then.
    releases: o.pipeline?.commands === undefined,
  });
  if (result.state === 'error') say(o.logger, 'warn', coreText('update.log.checkFailed', { detail: result.i18n ?? result.message }));
  if (result.state === 'available') say(o.logger, 'info', coreText('update.log.available', { count: result.count }));
  const view = viewFromCheck(result);
  // A checkbox locked by the environment cannot be ticked: point at the variable instead.
  const envVar = o.settings.view().fromEnv.autoUpdateEnabled;
  if (result.state === 'disabled' && result.reason === 'auto-update-off' && envVar) {
    view.disabled = { reason: result.reason, envVar };
    view.message = `Update checks are turned off by the environment variable ${envVar}, set where the app is started: remove it or set it to True there.`;
    view.i18n = null; // the panel says it from disabled.envVar
  }
  const restart = describePlan(plan(), s.autoRestartService);
  // Asked now, not found at the end of the update: the socket, the daemon the restart will go through.
  if (restart.auto) {
    const problem = await preflightRestart(plan(), o.detect?.env as NodeJS.ProcessEnv | undefined);
    restart.problem = problem?.text ?? null;
    if (problem) restart.i18n = { ...restart.i18n, problem: problem.i18n };
  }
  return store.set({ ...view, restart });
}

/** Runs `check` now, then every `checkIntervalMinutes` (re-read each time) until disposed. */
export class CheckSchedule {
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(private readonly o: Pick<UpdateServiceOptions, 'settings' | 'logger'>) {}

  start(check: () => Promise<unknown>): void {
    // Nothing a round throws may end the timer or the process (an unhandled rejection does): logged, re-armed.
    let minutes = DEFAULTS.checkIntervalMinutes;
    const round = () =>
      void check()
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
}
