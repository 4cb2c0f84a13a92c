// One process per user: two would log the same bot in twice, and Discord allows one session per token.
import { setTimeout as delay } from 'node:timers/promises';
import { app } from 'electron';
import { HIDDEN, RELAUNCHED } from './args.js';

export interface SingleInstanceOptions {
  relaunched: boolean;
  retryEveryMs?: number;
  retryForMs?: number;
}

export interface InstanceLock {
  /** What a second launch does (show the panel). A launch that came before this is set is replayed once. */
  onSecondInstance(handler: () => void): void;
}

/** The lock, or null after asking the app to quit because another instance runs. */
export async function setupSingleInstance(o: SingleInstanceOptions): Promise<InstanceLock | null> {
  let locked = app.requestSingleInstanceLock();
  // After an update the old process may still be disconnecting from Discord while holding the lock.
  // No event tells another process when a lock is freed, so ask again, with a deadline.
  const deadline = Date.now() + (o.retryForMs ?? 10_000);
  while (!locked && o.relaunched && Date.now() < deadline) {
    await delay(o.retryEveryMs ?? 250);
    locked = app.requestSingleInstanceLock();
  }
  if (!locked) {
    app.quit();
    return null;
  }
  let handler: (() => void) | null = null;
  let missed = false;
  // Electron emits this only after `ready`, possibly while the core is still starting.
  app.on('second-instance', (_event, argv) => {
    // Our own relaunched successor knocking while we exit: not a user asking for the window.
    if (argv.includes(RELAUNCHED)) return;
    // The login item (--hidden) of a session logged in while the app already runs: the window stays as it is.
    if (argv.includes(HIDDEN)) return;
    if (handler) handler();
    else missed = true;
  });
  return {
    onSecondInstance(h) {
      handler = h;
      if (missed) h();
      missed = false;
    },
  };
}
