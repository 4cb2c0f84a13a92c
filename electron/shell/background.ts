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
  // Quit during the launch: a bot login or an update round now would outlive the core (and write into its folder).
  if (core.isShutDown()) return;
  const { autoStartBot } = core.settings.effective();
  const startBot = o.resumeBot || (autoStartBot && core.settings.view().configured);
  if (startBot) {
    const reply = await core.dispatch('bot.start', undefined);
    if (!reply.ok) core.log.logger.warn(reply.error.message);
  }
  core.updates.schedule();
  void core.updates.confirmHealthyWhenSettled(startBot, o.healthyWithinMs);
}
