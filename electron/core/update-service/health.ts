// The boot side of an update: finish or undo what a previous process left, remember the last update,
// and vouch for this version once the panel (and the bot, when it was to start) came up.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { coreText } from '../../../shared/core-text.js';
import type { LastUpdate } from '../../../shared/types.js';
import { say } from '../log/say.js';
import { bootCheck, installedCommits, markHealthy, NOTHING_PENDING, UpdateJournal, type ConfigBackup } from '../update/index.js';
import { describeSetAside, toLastUpdate } from '../update-view.js';
import type { UpdateServiceOptions } from '../update-service.js';
import { RESUME_BOT_FILE } from './restarts.js';
import type { UpdateViewStore } from './view-store.js';

export class UpdateHealth {
  /** This process is the new version of an update, on probation until confirmHealthy. */
  watching = false;

  constructor(
    private readonly o: UpdateServiceOptions,
    private readonly store: UpdateViewStore,
    private readonly config: ConfigBackup,
  ) {}

  /** At startup, before the bot: finish or undo what a previous process left, and remember the last update. */
  async boot(): Promise<{ resumeBot: boolean; restartNeeded: boolean }> {
    const report = await bootCheck({ appDir: this.o.appDir, dataDir: this.o.dataDir, config: this.config, onLog: (l, i18n) => (l === NOTHING_PENDING ? this.o.logger.debug(l) : this.o.logger.info(i18n ? { i18n } : {}, l)), ...this.o.pipeline });
    if (report.outcome === 'rolled-back' || report.outcome === 'interrupted' || report.outcome === 'failed') this.o.logger.warn(report.i18n ? { i18n: report.i18n } : {}, report.message);
    this.watching = report.outcome === 'watching';
    const marker = join(this.o.dataDir, RESUME_BOT_FILE);
    const resumeBot = existsSync(marker);
    rmSync(marker, { force: true });
    await this.refreshLastUpdate();
    if (report.restartNeeded) for (const line of describeSetAside(this.store.get().lastUpdate?.setAside ?? null)) this.o.logger.warn(line);
    return { resumeBot, restartNeeded: report.restartNeeded };
  }

  /**
   * Healthy = the panel is up and, when the bot was to start, its attempt concluded (connected, or an
   * error it reports). Resolves whether it did within `withinMs`; the caller then vouches (confirmHealthy).
   */
  async botSettled(botStarting: boolean, withinMs = 60_000): Promise<boolean> {
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
        return false;
      }
    }
    return true;
  }

  /** Vouches for this version now (the journal entry becomes a success). */
  async confirmHealthy(): Promise<void> {
    if (!this.watching) return;
    this.watching = false;
    if (await markHealthy({ dataDir: this.o.dataDir, appDir: this.o.appDir })) {
      await this.refreshLastUpdate();
      const last = this.store.get().lastUpdate;
      if (last) this.o.logger.info(last.i18n ? { i18n: last.i18n.message } : {}, last.message);
      for (const line of describeSetAside(last?.setAside ?? null)) this.o.logger.info(line);
    }
  }

  private async refreshLastUpdate(): Promise<void> {
    const entries = await new UpdateJournal(this.o.dataDir).entries();
    const last = entries.filter((e) => e.outcome !== 'running' && e.outcome !== 'restarting').at(-1);
    if (!last) return;
    const commits: LastUpdate['commits'] = last.to && last.outcome === 'success' ? await installedCommits(this.o.appDir, last.from, last.to) : [];
    this.store.set({ lastUpdate: toLastUpdate(last, commits) });
  }
}
