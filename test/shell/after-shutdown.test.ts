// Nothing of the desktop app touches its data folder once its core has shut down: work that outlives
// the quit (the launch's background start, an update check in flight) would recreate a profile the
// user deleted (conf makes its folder again on a read) and, for the bot, log in after the quit.
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOKEN } from '../helpers/world.js';
import { painted, startMain, useShellWorld, type Started } from './harness.js';
import { release, takeLateWrites } from './late-writes.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();
afterEach(() => takeLateWrites());

/** Shuts the core down the way a quit does, then deletes the profile as a user might. */
async function quitAndDeleteProfile({ shell, dirs }: Started): Promise<string> {
  await shell.core.shutdown();
  release(dirs.root);
  rmSync(dirs.root, { recursive: true, force: true });
  return dirs.userData;
}

describe('after the core shut down', () => {
  it('a quit before the first paint: the work waiting for it (bot login, update checks) does not start', async () => {
    const started = (t.started = await startMain({ world: t.world }))!;
    const win = started.window();
    const userData = await quitAndDeleteProfile(started);
    await painted(win);
    await started.shell.background;

    expect(started.shell.core.updates.get().message).toBe('Not checked yet.');
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    expect(started.shell.core.monitor.isRunning()).toBe(false);
    expect(takeLateWrites()).toEqual([]);
    expect(existsSync(userData)).toBe(false);
  });

  it('an update check in flight at the quit ends without writing into the profile', async () => {
    const started = (t.started = await startMain({ world: t.world }))!;
    await painted(started.window());
    // Resolves right after the first update round started: its git check is still running.
    await started.shell.background;
    expect(started.shell.core.updates.get().message).toBe('Checking for updates…');
    const userData = await quitAndDeleteProfile(started);
    // Started by the background work, the round answers after the quit (this folder is no git checkout).
    await vi.waitFor(() => expect(started.shell.core.updates.get().state).not.toBe('checking'));

    expect(takeLateWrites()).toEqual([]);
    expect(existsSync(userData)).toBe(false);
  });
});
