// Quitting and relaunching: the bot disconnects before the process goes (one session per token).
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorld, TOKEN, waitState, type World } from '../helpers/world.js';
import { app, mock, resetElectronMock } from './electron-mock.js';
import { painted, startMain, stopMain, tempDirs, type Started } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

let world: World;
let started: Started | null = null;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => resetElectronMock());
afterEach(async () => {
  await stopMain(started);
  started = null;
});

describe('quit', () => {
  it('holds the quit until the bot is disconnected, then closes the window for real and quits', async () => {
    started = await startMain({ world });
    const win = started!.window();
    await painted(win);
    await waitState(started!.shell.core, 'connected');
    expect(world.fake.liveSessions(TOKEN)).toBe(1);

    app.quit();
    expect(mock.state.quitted).toBe(false); // held while the core shuts down
    await vi.waitFor(() => expect(mock.state.quitted).toBe(true));
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
    expect(started!.shell.core.monitor.isRunning()).toBe(false);
    expect(win.isDestroyed()).toBe(true);
    expect(mock.state.quitRequests).toBe(2);
    expect(mock.state.notifications).toHaveLength(0);
  });

  it('stays alive in the tray when no window is open', async () => {
    started = await startMain({ flags: ['--hidden'] });
    // Electron quits on window-all-closed unless someone listens.
    expect(app.listenerCount('window-all-closed')).toBeGreaterThan(0);
  });
});

describe('data folder', () => {
  it('DISCORD_MONITOR_DATA_DIR moves userData (and so the instance lock), settings and logs, as in headless mode', async () => {
    const dirs = tempDirs();
    const elsewhere = join(dirs.root, 'elsewhere');
    started = await startMain({ dirs, env: { DISCORD_MONITOR_DATA_DIR: elsewhere }, flags: ['--hidden'] });
    expect(app.getPath('userData')).toBe(elsewhere);
    expect(started!.shell.core.info().dataDir).toBe(elsewhere);
    expect(started!.shell.core.settings.file).toBe(join(elsewhere, 'settings.json'));
    expect(started!.shell.core.log.file).toBe(join(elsewhere, 'logs', 'app.log'));
    expect(app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });
});

describe('relauncher', () => {
  it('shuts the core down, then relaunches with --relaunched (once) and exits', async () => {
    started = await startMain({ world, flags: ['--hidden'] });
    await waitState(started!.shell.core, 'connected');
    let liveAtRelaunch = -1;
    app.relaunch.mockImplementation(() => {
      liveAtRelaunch = world.fake.liveSessions(TOKEN);
    });

    await started!.shell.relauncher.relaunch([]);
    expect(liveAtRelaunch).toBe(0);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [started!.dirs.app, '--hidden', '--relaunched'] });
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(app.relaunch.mock.invocationCallOrder[0]!).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
  });

  it('does not stack --relaunched, and adds the extra arguments', async () => {
    started = await startMain({ flags: ['--relaunched'] });
    await started!.shell.relauncher.relaunch(['--after-update']);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [started!.dirs.app, '--after-update', '--relaunched'] });
  });
});
