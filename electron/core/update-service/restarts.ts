// How the app restarts after an update (service manager, relaunch or handover to a standby), and the
// marker that tells the new process to start the bot again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreText } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import { say } from '../log/say.js';
import { SentenceError } from '../sentence-error.js';
import { takeOverPath } from '../update/handover-path.js';
import { createRestarter, detectRestartMethod, isUpdating, type RestartPlan } from '../update/index.js';
import type { UpdateServiceOptions } from '../update-service.js';

/** Written before a restart when the bot was running, so the new process starts it whatever autoStartBot says. */
export const RESUME_BOT_FILE = 'resume-bot';

export class UpdateRestarts {
  /** Whether the bot ran before this update stopped it: the new process resumes it. */
  botWasRunning = false;

  constructor(private readonly o: UpdateServiceOptions) {}

  plan(): RestartPlan {
    const detect = this.o.detect ?? { env: process.env, readFile: (p: string) => readFileSync(p, 'utf8') };
    return detectRestartMethod(detect.env, detect.readFile, this.o.settings.stored.restartMethod);
  }

  /** Restarts the app (service manager or relaunch); the bot is resumed by the new process. */
  async restartWith(plan: RestartPlan): Promise<void> {
    if (!this.o.relauncher && plan.method === 'relaunch') throw new SentenceError(coreText('update.cannotRelaunch'));
    if (this.botWasRunning) writeFileSync(join(this.o.dataDir, RESUME_BOT_FILE), String(process.pid));
    const path = takeOverPath(plan, (this.o.detect ?? { env: process.env }).env);
    if (this.o.handover) {
      if (path.handover) {
        this.o.logger.info(`Taking over: ${path.why}.`);
        return this.o.handover.takeOver({ resumeBot: this.botWasRunning });
      }
      await this.o.handover.abort();
    }
    this.o.logger.info(`Restarting: ${plan.reason.text}; ${path.why}.`);
    await createRestarter(this.o.relauncher ?? { relaunch: async () => undefined }).restart(plan);
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
}
