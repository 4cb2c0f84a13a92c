// The desktop app keeps app.relaunch after an update, but only once the new build has passed the
// headless standby check in plain Node (Electron as Node): its modules load and its stores open.
// A build that cannot get there never takes over; this process carries on and says why.
import type { HandoverPort, Relauncher } from '../core/ports.js';
import { successorEntry } from '../headless/handover.js';
import { StandbySlot } from '../headless/standby-launch.js';
import { saveWindowState, type WindowState } from './window-state.js';

export interface StandbyCheckOptions {
  appDir: string;
  dataDir: string;
  relauncher: Relauncher;
  /** The window as it is now, to reopen it the same after the relaunch. */
  windowState: () => WindowState;
  /** Tests: a stand-in for the built headless entry. */
  entry?: string;
  deadlineMs?: number;
}

export function standbyCheck(o: StandbyCheckOptions): HandoverPort {
  const slot = new StandbySlot();
  const port: HandoverPort = {
    async standby(log, releaseEntry) {
      const entry = o.entry ?? releaseEntry ?? successorEntry(o.appDir);
      log(`Checking the new version in plain Node: ${entry} --standby`);
      const ready = await slot.start(
        {
          entry,
          argv: ['--data-dir', o.dataDir, '--no-token'],
          cwd: o.appDir,
          listenFd: null,
          port: 0,
          // Electron's own binary as plain Node: native modules match the ABI the app was built for.
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        },
        o.deadlineMs,
      );
      log(`The new version passed the standby check (pid ${ready.pid}): modules loaded, stores open.`);
    },
    async takeOver() {
      // "Restart now" (no update ran) has not been checked yet: check, then stand the check down.
      let checked = slot.take();
      if (!checked) {
        await port.standby(() => undefined);
        checked = slot.take();
      }
      await checked?.standDown();
      const state = o.windowState();
      saveWindowState(o.dataDir, state);
      // The tray stays the only sign of the app when the window was hidden: relaunch hidden too.
      await o.relauncher.relaunch(state.visible ? [] : ['--hidden']);
    },
    abort: slot.abort,
  };
  return port;
}
