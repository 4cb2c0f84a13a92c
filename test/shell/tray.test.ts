// The tray: its menu drives the real core, and icon, tooltip and labels follow bot.status events.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { setupTray } from '../../electron/shell/tray.js';
import { nextEvent, TOKEN, waitState } from '../helpers/world.js';
import { mock, shell, Tray } from './electron-mock.js';
import { startMain, tempDirs, useShellWorld } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

const t = useShellWorld();

describe('tray', () => {
  it('Start/Stop monitoring dispatch bot.start / bot.stop, and label, tooltip and icon follow the status', async () => {
    t.started = await startMain({ world: t.world, flags: ['--hidden'] });
    const { core } = t.started!.shell;
    await t.started!.shell.background;
    await core.dispatch('bot.stop', undefined);
    const tray = t.started!.tray();
    expect(basename(tray.imagePath)).toBe('tray-stopped.png');
    expect(tray.tooltip).toBe('Ready — monitoring is stopped.');
    expect(t.started!.menu().item('Start monitoring').enabled).toBe(true);

    const dispatch = vi.spyOn(core, 'dispatch');
    const connecting = nextEvent(core, 'bot.status', (s) => s.state === 'connecting');
    t.started!.menu().click('Start monitoring');
    expect(dispatch).toHaveBeenCalledWith('bot.start', undefined);
    await connecting;
    // Rebuilt on the event: the label flipped, and a new menu was handed to the tray (Linux needs that).
    expect(t.started!.menu().item('Stop monitoring')).toBeDefined();
    expect(() => t.started!.menu().item('Start monitoring')).toThrow();
    expect(basename(tray.imagePath)).toBe('tray-connecting.png');
    expect(tray.tooltip).toBe(core.monitor.status().sentence);

    const connected = await waitState(core, 'connected');
    expect(tray.tooltip).toBe(connected.sentence);
    expect(tray.tooltip).toMatch(/^Connected to #general on Home Lab/);
    expect(basename(tray.imagePath)).toBe('tray-connected.png');
    const menusBefore = tray.setContextMenu.mock.calls.length;

    t.started!.menu().click('Stop monitoring');
    expect(dispatch).toHaveBeenCalledWith('bot.stop', undefined);
    await waitState(core, 'ready');
    expect(tray.setContextMenu.mock.calls.length).toBeGreaterThan(menusBefore);
    expect(t.started!.menu().item('Start monitoring')).toBeDefined();
    expect(basename(tray.imagePath)).toBe('tray-stopped.png');
    expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
  });

  it('shows the error icon and the error sentence when Discord refuses the token', async () => {
    t.started = await startMain({ world: t.world, env: { DISCORD_TOKEN: 'MTIz.wrong-token.for-the-tray-test-000000' }, flags: ['--hidden'] });
    const { core } = t.started!.shell;
    const status = await waitState(core, 'error');
    const tray = t.started!.tray();
    expect(basename(tray.imagePath)).toBe('tray-error.png');
    expect(tray.tooltip).toBe(status.sentence);
    expect(t.started!.menu().item('Start monitoring')).toBeDefined();
  });

  it('disables Start monitoring until configured, and enables it once settings are saved', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    expect(t.started!.menu().item('Start monitoring').enabled).toBe(false);
    expect(t.started!.tray().tooltip).toMatch(/^Not configured/);
    await t.started!.shell.core.dispatch('settings.save', { token: TOKEN, guildId: t.world.guildId, channelId: t.world.channelId });
    expect(t.started!.menu().item('Start monitoring').enabled).toBe(true);
  });

  it('Start on login toggles the login item and the checkbox follows it', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    try {
      t.started = await startMain({ flags: ['--hidden'] });
      const file = join(t.started!.dirs.configHome, 'autostart', 'discord-monitor.desktop');
      expect(t.started!.menu().item('Start on login').checked).toBe(false);
      t.started!.menu().click('Start on login');
      expect(existsSync(file)).toBe(true);
      expect(t.started!.menu().item('Start on login').checked).toBe(true);
      t.started!.menu().click('Start on login');
      expect(existsSync(file)).toBe(false);
      expect(t.started!.menu().item('Start on login').checked).toBe(false);
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
      t.started = await startMain({ flags: ['--hidden'], dirs, env: { XDG_CONFIG_HOME: blocker } });
      const before = t.started!.menu();
      before.click('Start on login');
      expect(t.started!.menu()).not.toBe(before);
      expect(t.started!.menu().item('Start on login').checked).toBe(false);
      expect(t.started!.shell.core.log.recent().map((e) => e.message)).toContainEqual(expect.stringMatching(/^Could not change "Start on login"/));
      // By key, so a French panel's event log says it in French.
      expect(t.started!.shell.core.log.recent().find((e) => e.message.startsWith('Could not change'))?.i18n?.key).toBe('shell.startOnLoginFailed');
    } finally {
      platform.mockRestore();
    }
  });

  it('Open log folder opens the core log folder; Quit quits the app', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    t.started!.menu().click('Open log folder');
    expect(shell.openPath).toHaveBeenCalledWith(t.started!.dirs.logs);
    expect(t.started!.shell.core.log.file.startsWith(t.started!.dirs.logs)).toBe(true);
    t.started!.menu().click('Quit');
    expect(mock.state.quitRequests).toBe(1);
    await vi.waitFor(() => expect(mock.state.quitted).toBe(true));
  });

  it('puts the updater slot items above "Start on login" and picks up changes on refresh', async () => {
    t.started = await startMain({ flags: ['--hidden'] });
    let extra: MenuItemConstructorOptions[] = [{ label: 'Check for updates' }];
    const own = setupTray({
      core: t.started!.shell.core,
      panel: t.started!.shell.panel,
      loginItem: t.started!.shell.loginItem,
      iconDir: '/icons',
      logDir: t.started!.dirs.logs,
      extraItems: () => extra,
    });
    const labels = () => (Tray.instances.at(-1)!.menu!.items).map((i) => i.label ?? '—');
    expect(labels()).toEqual(['Show panel', 'Start monitoring', '—', 'Check for updates', '—', 'Start on login', 'Open log folder', '—', 'Quit']);
    extra = [{ label: 'Update now (3)' }];
    own.refresh();
    expect(labels()).toContain('Update now (3)');
    // The shipped tray has no update items yet: the slot is empty.
    expect(t.started!.menu().items.map((i) => i.label)).not.toContain('Check for updates');
  });
});
