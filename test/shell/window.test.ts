// The panel window: no white flash, locked-down web preferences, close hides to the tray while the
// bot keeps running (with a one-time notice), background work after the first paint, --hidden starts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CLOSE_NOTICE } from '../../electron/shell/panel-window.js';
import { TOKEN, waitState } from '../helpers/world.js';
import { BrowserWindow, mock, resetElectronMock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

describe('panel window', () => {
  it('is created hidden and shown only when ready-to-show fires', async () => {
    mock.state.autoReadyToShow = false;
    t.started = await startMain();
    const win = t.started!.window();
    expect(win.options.show).toBe(false);
    expect(win.loaded).toBe(pathToFileURL(join(t.started!.dirs.build, '..', 'renderer', 'main_window', 'index.html')).href);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  it('runs the page sandboxed and isolated, with the preload beside main.js', async () => {
    t.started = await startMain();
    expect(t.started!.window().options.webPreferences).toEqual({
      preload: join(t.started!.dirs.build, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('closing hides the window, the bot keeps running, and the tray notice is shown once, ever', async () => {
    const dirs = tempDirs();
    t.started = await startMain({ world: t.world, dirs });
    const win = t.started!.window();
    await painted(win);
    await waitState(t.started!.shell.core, 'connected');

    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
    expect(t.started!.shell.core.monitor.isRunning()).toBe(true);
    expect(t.started!.shell.core.monitor.status().state).toBe('connected');
    expect(t.world.fake.liveSessions(TOKEN)).toBe(1);
    expect(mock.state.notifications).toEqual([CLOSE_NOTICE]);

    t.started!.shell.panel.show();
    expect(win.isVisible()).toBe(true);
    win.close();
    expect(win.isVisible()).toBe(false);
    expect(mock.state.notifications).toHaveLength(1);

    // Next launch, same userData: the notice is remembered.
    await t.started!.shell.core.shutdown();
    resetElectronMock();
    t.started = await startMain({ dirs });
    const again = t.started!.window();
    await painted(again);
    again.close();
    expect(again.isVisible()).toBe(false);
    expect(mock.state.notifications).toHaveLength(0);
  });

  it('starts the bot only after the first paint', async () => {
    mock.state.autoReadyToShow = false;
    t.started = await startMain({ world: t.world });
    const { core } = t.started!.shell;
    // Give a premature start every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.monitor.isRunning()).toBe(false);
    expect(core.monitor.status().state).toBe('ready');

    t.started!.window().emit('ready-to-show');
    await t.started!.shell.background;
    expect(core.monitor.isRunning()).toBe(true);
    await waitState(core, 'connected');
  });

  it('does not auto-start when autoStartBot is off', async () => {
    const dirs = tempDirs();
    t.started = await startMain({ world: t.world, dirs });
    await t.started!.shell.background;
    await t.started!.shell.core.dispatch('settings.save', { autoStartBot: false });
    await t.started!.shell.core.shutdown();

    resetElectronMock();
    t.started = await startMain({ world: t.world, dirs });
    await painted(t.started!.window());
    await t.started!.shell.background;
    expect(t.started!.shell.core.monitor.isRunning()).toBe(false);
  });
});

describe('--hidden', () => {
  it('creates no window, shows the tray, and starts monitoring when configured', async () => {
    t.started = await startMain({ world: t.world, flags: ['--hidden'] });
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(t.started!.shell.panel.window).toBeNull();
    expect(t.started!.tray().menu).not.toBeNull();
    await t.started!.shell.background;
    expect(t.started!.shell.core.monitor.isRunning()).toBe(true);
    await waitState(t.started!.shell.core, 'connected');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('the "start hidden" setting launches to the tray like --hidden', async () => {
    const dirs = tempDirs();
    writeFileSync(join(dirs.userData, 'settings.json'), JSON.stringify({ schemaVersion: 2, startHidden: true }));
    t.started = await startMain({ world: t.world, dirs });
    await t.started!.shell.background;
    expect(BrowserWindow.instances).toHaveLength(0);
    await waitState(t.started!.shell.core, 'connected');
    t.started!.menu().click('Show panel');
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('stays stopped without a window when not configured', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    await t.started!.shell.background;
    expect(t.started!.shell.core.monitor.isRunning()).toBe(false);
    expect(t.started!.shell.core.monitor.status().state).toBe('not-configured');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('a macOS login item (wasOpenedAtLogin) counts as hidden', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('darwin');
    try {
      mock.state.loginItem.wasOpenedAtLogin = true;
      t.started = await startMain({ world: t.world });
      expect(BrowserWindow.instances).toHaveLength(0);
      await t.started!.shell.background;
      expect(t.started!.shell.core.monitor.isRunning()).toBe(true);
    } finally {
      platform.mockRestore();
    }
  });

  it('"Show panel" in the tray creates the window later', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    t.started!.menu().click('Show panel');
    const win = t.started!.window();
    await painted(win);
    expect(win.isVisible()).toBe(true);
  });
});
