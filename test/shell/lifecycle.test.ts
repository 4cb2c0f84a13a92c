// Quitting and relaunching: the bot disconnects before the process goes (one session per token).
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN, waitState } from '../helpers/world.js';
import { app, mock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

describe('quit', () => {
  it('holds the quit until the bot is disconnected, then closes the window for real and quits', async () => {
    t.started = await startMain({ world: t.world });
    const win = t.started!.window();
    await painted(win);
    await waitState(t.started!.shell.core, 'connected');
    expect(t.world.fake.liveSessions(TOKEN)).toBe(1);

    app.quit();
    expect(mock.state.quitted).toBe(false); // held while the core shuts down
    await vi.waitFor(() => expect(mock.state.quitted).toBe(true));
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
    expect(t.started!.shell.core.monitor.isRunning()).toBe(false);
    expect(win.isDestroyed()).toBe(true);
    expect(mock.state.quitRequests).toBe(2);
    expect(mock.state.notifications).toHaveLength(0);
  });

  it('stays alive in the tray when no window is open', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    // Electron quits on window-all-closed unless someone listens.
    expect(app.listenerCount('window-all-closed')).toBeGreaterThan(0);
  });
});

describe('data folder', () => {
  it('DISCORD_MONITOR_DATA_DIR moves userData (and so the instance lock), settings and logs, as in headless mode', async () => {
    const dirs = tempDirs();
    const elsewhere = join(dirs.root, 'elsewhere');
    t.started = await startMain({ dirs, env: { DISCORD_MONITOR_DATA_DIR: elsewhere }, flags: ['--hidden'] });
    expect(app.getPath('userData')).toBe(elsewhere);
    expect(t.started!.shell.core.info().dataDir).toBe(elsewhere);
    expect(t.started!.shell.core.settings.file).toBe(join(elsewhere, 'settings.json'));
    expect(t.started!.shell.core.log.file).toBe(join(elsewhere, 'logs', 'app.log'));
    expect(app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });
});

describe('relauncher', () => {
  it('shuts the core down, then relaunches with --relaunched (once) and exits', async () => {
    t.started = await startMain({ world: t.world, flags: ['--hidden'] });
    await waitState(t.started!.shell.core, 'connected');
    let liveAtRelaunch = -1;
    app.relaunch.mockImplementation(() => {
      liveAtRelaunch = t.world.fake.liveSessions(TOKEN);
    });

    await t.started!.shell.relauncher.relaunch([]);
    expect(liveAtRelaunch).toBe(0);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [t.started!.dirs.app, '--hidden', '--relaunched'] });
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(app.relaunch.mock.invocationCallOrder[0]!).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
  });

  it('does not stack --relaunched, and adds the extra arguments', async () => {
    t.started = await startMain({ flags: ['--relaunched'] });
    await t.started!.shell.relauncher.relaunch(['--after-update']);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [t.started!.dirs.app, '--after-update', '--relaunched'] });
  });
});
