// Headless implementation of the HandoverPort: the new build in standby beside us, then the handover
// (panel socket already shared, commands drained, bot closed) and our exit.
import { join } from 'node:path';
import type { HandoverPort } from '../core/ports.js';
import type { PanelServer } from './http-server.js';
import { StandbySlot } from './standby-launch.js';
import { pauseAt } from '../core/update/pause-point.js';

/** The new version's headless entry. The one place to change when builds move to release folders. */
export function successorEntry(appDir: string): string {
  return join(appDir, '.vite', 'build', 'headless.js');
}

export interface HeadlessHandoverOptions {
  appDir: string;
  /** Our own arguments (the successor gets the same, plus the handover flags). */
  argv: string[];
  panel: () => PanelServer | null;
  port: () => number;
  /** Shuts the core down (the bot is already stopped by the update) while the panel is handed over. */
  shutdown: () => Promise<void>;
  exit?: (code: number) => void;
  standbyDeadlineMs?: number;
}

export function headlessHandover(o: HeadlessHandoverOptions): HandoverPort {
  const slot = new StandbySlot();
  /** The entry the last standby ran (a new release's): a standby started again runs the same. */
  let lastEntry: string | undefined;
  const port: HandoverPort = {
    async standby(log, releaseEntry) {
      const panel = o.panel();
      const entry = releaseEntry ?? successorEntry(o.appDir);
      lastEntry = releaseEntry;
      log(`Starting the new version beside this one: ${entry} --standby`);
      const ready = await slot.start(
        { entry, argv: o.argv, cwd: o.appDir, listenFd: panel ? panel.listenFd() : null, port: panel?.port ?? o.port() },
        o.standbyDeadlineMs,
      );
      log(`The new version is ready in standby (pid ${ready.pid}): modules loaded, stores open, panel socket inherited.`);
      await pauseAt('standby-ready');
    },
    async takeOver({ resumeBot }) {
      const say = (line: string) => process.stdout.write(`${line}\n`);
      // "Restart now" (no update ran) has no standby yet.
      let s = slot.take();
      if (!s) {
        await port.standby(say);
        s = slot.take();
      }
      if (!s) throw new Error('No new version is ready in standby.');
      await pauseAt('before-take-over');
      try {
        await s.takeOver(resumeBot);
      } catch (err) {
        const died = s.gone();
        await s.standDown();
        // Killed (or crashed) after it was ready: `current` already names it, so start it once more
        // rather than run on as the old version under a journal that says the new one is starting.
        if (!died) throw err;
        say(`The new version in standby (pid ${s.pid}) is gone (${err instanceof Error ? err.message : String(err)}); starting it again.`);
        await port.standby(say, lastEntry);
        s = slot.take();
        if (!s) throw err;
        await s.takeOver(resumeBot).catch(async (again: unknown) => {
          await s?.standDown();
          throw again;
        });
      }
      await pauseAt('handed-over');
      // It accepts on the shared socket now: stop accepting, drain the panels to it, and go.
      // Exit only once systemd (if any) follows the new PID: our exit would otherwise end the service.
      await Promise.all([o.panel()?.handOver(), o.shutdown(), s.released()]);
      (o.exit ?? process.exit)(0);
    },
    abort: slot.abort,
  };
  return port;
}
