// Work that waits for the first paint (or starts at once in a --hidden launch), so launch feels
// instant: bot login, periodic update checks, and telling the update watchdog this version is healthy.
import type { Core } from '../core/app-core.js';

export interface BackgroundOptions {
  /** Resolves when the window has painted; already resolved for a --hidden launch. */
  when: Promise<void>;
  /** The process before an update restart had the bot running: start it whatever autoStartBot says. */
  resumeBot: boolean;
  healthyWithinMs?: number;
}

/** Resolves once the bot start (if any) is dispatched; health confirmation carries on after. */
export async function startBackgroundWork(core: Core, o: BackgroundOptions): Promise<void> {
  await o.when;
  const { autoStartBot } = core.settings.effective();
  const startBot = o.resumeBot || (autoStartBot && core.settings.view().configured);
  if (startBot) {
    const reply = await core.dispatch('bot.start', undefined);
    if (!reply.ok) core.log.logger.warn(reply.error.message);
  }
  core.updates.schedule();
  void confirmHealthy(core, startBot, o.healthyWithinMs ?? 60_000);
}

/**
 * Healthy = the panel is up and, when the bot was to start, its attempt concluded (connected, or an
 * error it reports). Without this the watchdog rolls a fresh update back after a few boots.
 */
async function confirmHealthy(core: Core, botStarting: boolean, withinMs: number): Promise<void> {
  const settled = () => ['connected', 'error'].includes(core.monitor.status().state);
  if (botStarting && !settled()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, withinMs);
      const off = core.bus.on('bot.status', () => settled() && done());
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
    if (!settled()) {
      core.log.logger.error(`The bot did not finish connecting within ${withinMs / 1000} s of startup.`);
      return;
    }
  }
  await core.updates.confirmHealthy();
}
