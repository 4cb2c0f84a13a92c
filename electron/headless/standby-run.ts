// The successor in standby: everything loaded and open, nothing served or connected until the
// running version hands over. Replaces the old self-test: a version that cannot get here never takes over.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core/app-core.js';
import type { PanelServer } from './http-server.js';
import { coreText } from '../../shared/core-text.js';
import { say } from '../core/log/say.js';
import { logNotify, notifyReady } from './sd-notify.js';
import { detachFromParent, reportNotified, reportReady, reportTookOver } from './standby-child.js';

export interface StandbyRun {
  core: Core;
  env: NodeJS.ProcessEnv;
  rendererDir: string;
  /** Serves the panel on the inherited socket. */
  serve: () => Promise<PanelServer>;
  healthyWithinMs?: number;
}

/** Resolves with the served panel once this process is the app; exits quietly when stood down. */
export async function standbyThenTakeOver(o: StandbyRun): Promise<PanelServer> {
  const { core } = o;
  // What the self-test checked: the built panel is there to be served.
  if (!existsSync(join(o.rendererDir, 'index.html'))) throw new Error(`the built panel is missing (${join(o.rendererDir, 'index.html')})`);
  const reply = await core.dispatch('app.info', undefined);
  if (!reply.ok) throw new Error(`app.info failed: ${reply.error.message}`);
  core.log.logger.info(`Ready in standby beside the running version (pid ${process.ppid}): modules loaded, stores open.`);
  const order = await reportReady();
  if (order.type === 'stand-down') {
    core.log.logger.info('Stood down: the running version does not hand over this time.');
    await core.shutdown();
    process.exit(0);
  }
  const panel = await o.serve();
  await reportTookOver();
  // The old session is closed (that is when we are told): identify at once, then do the bookkeeping.
  // Same rule as an ordinary start: the bot it was running, or autoStartBot.
  const startBot = order.resumeBot || (core.settings.effective().autoStartBot && core.settings.view().configured);
  if (startBot) void core.monitor.start();
  // Under systemd the main PID must be ours before the old process exits, or systemd ends the service.
  const said = await notifyReady(o.env);
  await reportNotified();
  detachFromParent();
  logNotify(core.log.logger, said);
  say(core.log.logger, 'info', coreText('log.tookOver'));
  await core.updates.boot();
  void core.updates.confirmHealthyWhenSettled(startBot, o.healthyWithinMs);
  core.updates.schedule();
  return panel;
}
