// The desktop entry plays its part in the self-update cycle like headless mode does: boot check
// before the window and the bot, resume the bot after an update restart, confirm health once up.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpdateService } from '../../electron/core/update-service.js';
import { RESUME_BOT_FILE } from '../../electron/core/update-service/restarts.js';
import { waitState } from '../helpers/world.js';
import { app, BrowserWindow, mock, resetElectronMock } from './electron-mock.js';
import { painted, startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();
afterEach(() => vi.restoreAllMocks());

describe('update boot check', () => {
  it('relaunches at once, before any window, when the watchdog restored the checkout', async () => {
    vi.spyOn(UpdateService.prototype, 'boot').mockResolvedValue({ resumeBot: false, restartNeeded: true });
    const dirs = tempDirs();
    try {
      const result = await startMain({ dirs });
      expect(result).toBeNull();
      expect(BrowserWindow.instances).toHaveLength(0);
      expect(app.relaunch).toHaveBeenCalledWith({ args: [dirs.app, '--relaunched'] });
      expect(app.exit).toHaveBeenCalledWith(0);
    } finally {
      rmSync(dirs.root, { recursive: true, force: true });
    }
  });

  it('under a service manager, exits with an error instead and lets the manager restart it', async () => {
    vi.spyOn(UpdateService.prototype, 'boot').mockResolvedValue({ resumeBot: false, restartNeeded: true });
    vi.spyOn(UpdateService.prototype, 'restartMethod').mockReturnValue('systemd');
    const dirs = tempDirs();
    try {
      expect(await startMain({ dirs })).toBeNull();
      expect(app.relaunch).not.toHaveBeenCalled();
      expect(app.exit).toHaveBeenCalledWith(1);
      expect(BrowserWindow.instances).toHaveLength(0);
    } finally {
      rmSync(dirs.root, { recursive: true, force: true });
    }
  });

  it('resumes the bot after an update restart even with autoStartBot off', async () => {
    const dirs = tempDirs();
    t.started = await startMain({ world: t.world, dirs, flags: ['--hidden'] });
    await t.started!.shell.background;
    await t.started!.shell.core.dispatch('settings.save', { autoStartBot: false });
    await t.started!.shell.core.shutdown();

    writeFileSync(join(dirs.userData, RESUME_BOT_FILE), '12345');
    resetElectronMock();
    t.started = await startMain({ world: t.world, dirs, flags: ['--hidden'] });
    await t.started!.shell.background;
    expect(t.started!.shell.core.monitor.isRunning()).toBe(true);
  });

  it('confirms health to the watchdog only after the first paint and once the bot has connected', async () => {
    const original = UpdateService.prototype.confirmHealthy;
    const seen: Array<{ painted: boolean; state: string }> = [];
    let win: BrowserWindow | null = null;
    vi.spyOn(UpdateService.prototype, 'confirmHealthy').mockImplementation(function (this: UpdateService) {
      seen.push({ painted: win?.isVisible() ?? false, state: t.started?.shell.core.monitor.status().state ?? 'none' });
      return original.call(this);
    });
    mock.state.autoReadyToShow = false;
    t.started = await startMain({ world: t.world });
    win = t.started!.window();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
    win.emit('ready-to-show');
    await painted(win);
    await waitState(t.started!.shell.core, 'connected');
    await vi.waitFor(() => expect(seen).toEqual([{ painted: true, state: 'connected' }]));
  });
});
