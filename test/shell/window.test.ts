// The panel window: no white flash, locked-down web preferences, close hides to the tray while the
// bot keeps running (with a one-time notice), background work after the first paint, --hidden starts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_NOTICE } from '../../electron/shell/panel-window.js';
import { createWorld, TOKEN, waitState, type World } from '../helpers/world.js';
import { BrowserWindow, mock, resetElectronMock } from './electron-mock.js';
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

describe('panel window', () => {
  it('is created hidden and shown only when ready-to-show fires', async () => {
    mock.state.autoReadyToShow = false;
    started = await startMain();
    const win = started!.window();
    expect(win.options.show).toBe(false);
    expect(win.loaded).toBe(pathToFileURL(join(started!.dirs.build, '..', 'renderer', 'main_window', 'index.html')).href);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  it('runs the page sandboxed and isolated, with the preload beside main.js', async () => {
    started = await startMain();
    expect(started!.window().options.webPreferences).toEqual({
      preload: join(started!.dirs.build, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('closing hides the window, the bot keeps running, and the tray notice is shown once, ever', async () => {
    const dirs = tempDirs();
    started = await startMain({ world, dirs });
    const win = started!.window();
    await painted(win);
    await waitState(started!.shell.core, 'connected');

    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
    expect(started!.shell.core.monitor.isRunning()).toBe(true);
    expect(started!.shell.core.monitor.status().state).toBe('connected');
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
    expect(mock.state.notifications).toEqual([CLOSE_NOTICE]);

    started!.shell.panel.show();
    expect(win.isVisible()).toBe(true);
    win.close();
    expect(win.isVisible()).toBe(false);
    expect(mock.state.notifications).toHaveLength(1);

    // Next launch, same userData: the notice is remembered.
    await started!.shell.core.shutdown();
    resetElectronMock();
    started = await startMain({ dirs });
    const again = started!.window();
    await painted(again);
    again.close();
    expect(again.isVisible()).toBe(false);
    expect(mock.state.notifications).toHaveLength(0);
  });

  it('starts the bot only after the first paint', async () => {
    mock.state.autoReadyToShow = false;
    started = await startMain({ world });
    const { core } = started!.shell;
    // Give a premature start every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.monitor.isRunning()).toBe(false);
    expect(core.monitor.status().state).toBe('ready');

    started!.window().emit('ready-to-show');
    await started!.shell.background;
    expect(core.monitor.isRunning()).toBe(true);
    await waitState(core, 'connected');
  });

  it('does not auto-start when autoStartBot is off', async () => {
    const dirs = tempDirs();
    started = await startMain({ world, dirs });
    await started!.shell.background;
    await started!.shell.core.dispatch('settings.save', { autoStartBot: false });
    await started!.shell.core.shutdown();

    resetElectronMock();
    started = await startMain({ world, dirs });
    await painted(started!.window());
    await started!.shell.background;
    expect(started!.shell.core.monitor.isRunning()).toBe(false);
  });
});

describe('--hidden', () => {
  it('creates no window, shows the tray, and starts monitoring when configured', async () => {
    started = await startMain({ world, flags: ['--hidden'] });
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(started!.shell.panel.window).toBeNull();
    expect(started!.tray().menu).not.toBeNull();
    await started!.shell.background;
    expect(started!.shell.core.monitor.isRunning()).toBe(true);
    await waitState(started!.shell.core, 'connected');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('stays stopped without a window when not configured', async () => {
    started = await startMain({ flags: ['--hidden'] });
    await started!.shell.background;
    expect(started!.shell.core.monitor.isRunning()).toBe(false);
    expect(started!.shell.core.monitor.status().state).toBe('not-configured');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('a macOS login item (wasOpenedAtLogin) counts as hidden', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('darwin');
    try {
      mock.state.loginItem.wasOpenedAtLogin = true;
      started = await startMain({ world });
      expect(BrowserWindow.instances).toHaveLength(0);
      await started!.shell.background;
      expect(started!.shell.core.monitor.isRunning()).toBe(true);
    } finally {
      platform.mockRestore();
    }
  });

  it('"Show panel" in the tray creates the window later', async () => {
    started = await startMain({ flags: ['--hidden'] });
    started!.menu().click('Show panel');
    const win = started!.window();
    await painted(win);
    expect(win.isVisible()).toBe(true);
  });
});
