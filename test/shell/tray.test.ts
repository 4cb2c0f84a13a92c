// The tray: its menu drives the real core, and icon, tooltip and labels follow bot.status events.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { setupTray } from '../../electron/shell/tray.js';
import { createWorld, nextEvent, TOKEN, waitState, type World } from '../helpers/world.js';
import { mock, resetElectronMock, shell, Tray } from './electron-mock.js';
import { startMain, stopMain, tempDirs, type Started } from './harness.js';

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

describe('tray', () => {
  it('Start/Stop monitoring dispatch bot.start / bot.stop, and label, tooltip and icon follow the status', async () => {
    started = await startMain({ world, flags: ['--hidden'] });
    const { core } = started!.shell;
    await started!.shell.background;
    await core.dispatch('bot.stop', undefined);
    const tray = started!.tray();
    expect(basename(tray.imagePath)).toBe('tray-stopped.png');
    expect(tray.tooltip).toBe('Ready — monitoring is stopped.');
    expect(started!.menu().item('Start monitoring').enabled).toBe(true);

    const dispatch = vi.spyOn(core, 'dispatch');
    const connecting = nextEvent(core, 'bot.status', (s) => s.state === 'connecting');
    started!.menu().click('Start monitoring');
    expect(dispatch).toHaveBeenCalledWith('bot.start', undefined);
    await connecting;
    // Rebuilt on the event: the label flipped, and a new menu was handed to the tray (Linux needs that).
    expect(started!.menu().item('Stop monitoring')).toBeDefined();
    expect(() => started!.menu().item('Start monitoring')).toThrow();
    expect(basename(tray.imagePath)).toBe('tray-connecting.png');
    expect(tray.tooltip).toBe(core.monitor.status().sentence);

    const connected = await waitState(core, 'connected');
    expect(tray.tooltip).toBe(connected.sentence);
    expect(tray.tooltip).toMatch(/^Connected to #general on Home Lab/);
    expect(basename(tray.imagePath)).toBe('tray-connected.png');
    const menusBefore = tray.setContextMenu.mock.calls.length;

    started!.menu().click('Stop monitoring');
    expect(dispatch).toHaveBeenCalledWith('bot.stop', undefined);
    await waitState(core, 'ready');
    expect(tray.setContextMenu.mock.calls.length).toBeGreaterThan(menusBefore);
    expect(started!.menu().item('Start monitoring')).toBeDefined();
    expect(basename(tray.imagePath)).toBe('tray-stopped.png');
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
  });

  it('shows the error icon and the error sentence when Discord refuses the token', async () => {
    started = await startMain({ world, env: { DISCORD_TOKEN: 'MTIz.wrong-token.for-the-tray-test-000000' }, flags: ['--hidden'] });
    const { core } = started!.shell;
    const status = await waitState(core, 'error');
    const tray = started!.tray();
    expect(basename(tray.imagePath)).toBe('tray-error.png');
    expect(tray.tooltip).toBe(status.sentence);
    expect(started!.menu().item('Start monitoring')).toBeDefined();
  });

  it('disables Start monitoring until configured, and enables it once settings are saved', async () => {
    started = await startMain({ flags: ['--hidden'] });
    expect(started!.menu().item('Start monitoring').enabled).toBe(false);
    expect(started!.tray().tooltip).toMatch(/^Not configured/);
    await started!.shell.core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
    expect(started!.menu().item('Start monitoring').enabled).toBe(true);
  });

  it('Start on login toggles the login item and the checkbox follows it', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    try {
      started = await startMain({ flags: ['--hidden'] });
      const file = join(started!.dirs.configHome, 'autostart', 'discord-monitor.desktop');
      expect(started!.menu().item('Start on login').checked).toBe(false);
      started!.menu().click('Start on login');
      expect(existsSync(file)).toBe(true);
      expect(started!.menu().item('Start on login').checked).toBe(true);
      started!.menu().click('Start on login');
      expect(existsSync(file)).toBe(false);
      expect(started!.menu().item('Start on login').checked).toBe(false);
    } finally {
      platform.mockRestore();
    }
  });

  it('a failed Start on login toggle is logged and the checkbox shows the truth', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    try {
      // XDG_CONFIG_HOME under a regular file: the autostart folder cannot be created.
      const dirs = tempDirs();
      const blocker = join(dirs.root, 'not-a-folder');
      writeFileSync(blocker, '');
      started = await startMain({ flags: ['--hidden'], dirs, env: { XDG_CONFIG_HOME: blocker } });
      const before = started!.menu();
      before.click('Start on login');
      expect(started!.menu()).not.toBe(before);
      expect(started!.menu().item('Start on login').checked).toBe(false);
      expect(started!.shell.core.log.recent().map((e) => e.message)).toContainEqual(expect.stringMatching(/^Could not change "Start on login"/));
    } finally {
      platform.mockRestore();
    }
  });

  it('Open log folder opens the core log folder; Quit quits the app', async () => {
    started = await startMain({ flags: ['--hidden'] });
    started!.menu().click('Open log folder');
    expect(shell.openPath).toHaveBeenCalledWith(started!.dirs.logs);
    expect(started!.shell.core.log.file.startsWith(started!.dirs.logs)).toBe(true);
    started!.menu().click('Quit');
    expect(mock.state.quitRequests).toBe(1);
    await vi.waitFor(() => expect(mock.state.quitted).toBe(true));
  });

  it('puts the updater slot items above "Start on login" and picks up changes on refresh', async () => {
    started = await startMain({ flags: ['--hidden'] });
    let extra: MenuItemConstructorOptions[] = [{ label: 'Check for updates' }];
    const own = setupTray({
      core: started!.shell.core,
      panel: started!.shell.panel,
      loginItem: started!.shell.loginItem,
      iconDir: '/icons',
      logDir: started!.dirs.logs,
      extraItems: () => extra,
    });
    const labels = () => (Tray.instances.at(-1)!.menu!.items).map((i) => i.label ?? '—');
    expect(labels()).toEqual(['Show panel', 'Start monitoring', '—', 'Check for updates', '—', 'Start on login', 'Open log folder', '—', 'Quit']);
    extra = [{ label: 'Update now (3)' }];
    own.refresh();
    expect(labels()).toContain('Update now (3)');
    // The shipped tray has no update items yet: the slot is empty.
    expect(started!.menu().items.map((i) => i.label)).not.toContain('Check for updates');
  });
});
