// Restarting after an update: the bot disconnects first (one gateway session per token), then a new
// process starts with --relaunched so it waits for this one to release the instance lock.
import { app } from 'electron';
import type { Relauncher } from '../core/ports.js';
import { RELAUNCHED } from './args.js';
import type { Lifecycle } from './lifecycle.js';

export interface RelauncherOptions {
  lifecycle: Lifecycle;
  argv: readonly string[];
  /** The core's shutdown; a function because the core is created with this relauncher. */
  shutdown: () => Promise<void>;
}

export function createRelauncher(o: RelauncherOptions): Relauncher {
  return {
    async relaunch(extraArgs) {
      o.lifecycle.quitting = true;
      await o.shutdown();
      const args = o.argv
        .slice(1)
        .filter((a) => a !== RELAUNCHED && !extraArgs.includes(a))
        .concat(extraArgs, RELAUNCHED);
      app.relaunch({ args });
      // exit, not quit: the core is already down, and quit's handlers would only run it again.
      app.exit(0);
    },
  };
}
