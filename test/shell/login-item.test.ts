// Start on login, per platform: Electron's API on macOS and Windows, an XDG autostart file on Linux
// that launches this very installation (packaged or from a checkout) with --hidden.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopEntry, execLine, quoteExecArg } from '../../electron/shell/desktop-entry.js';
import { autostartFile, createLoginItem, launchCommand, type LaunchTarget } from '../../electron/shell/login-item.js';
import { app, resetElectronMock } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

let home: string;
beforeEach(() => {
  resetElectronMock();
  home = mkdtempSync(join(tmpdir(), 'dm-login-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const target = (over: Partial<LaunchTarget>): LaunchTarget => ({
  platform: 'linux',
  packaged: true,
  execPath: '/usr/lib/discord-monitor/discord-monitor',
  appPath: '/usr/lib/discord-monitor/resources/app.asar',
  env: { HOME: home },
  ...over,
});

describe('macOS', () => {
  it('registers and removes the login item through Electron', () => {
    const item = createLoginItem(target({ platform: 'darwin', execPath: '/Applications/Discord Monitor.app/Contents/MacOS/Discord Monitor' }));
    item.setEnabled(true);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    expect(item.isEnabled()).toBe(true);
    item.setEnabled(false);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
    expect(item.isEnabled()).toBe(false);
  });
});

describe('Windows', () => {
  it('packaged: the app itself with --hidden', () => {
    const exe = 'C:\\Program Files\\Discord Monitor\\Discord Monitor.exe';
    const item = createLoginItem(target({ platform: 'win32', execPath: exe }));
    item.setEnabled(true);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, path: exe, args: ['--hidden'] });
    expect(item.isEnabled()).toBe(true);
    expect(app.getLoginItemSettings).toHaveBeenLastCalledWith({ path: exe, args: ['--hidden'] });
    item.setEnabled(false);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, path: exe, args: ['--hidden'] });
  });

  it('from a checkout: electron.exe, the quoted app folder, then --hidden', () => {
    const item = createLoginItem(
      target({ platform: 'win32', packaged: false, execPath: 'C:\\src\\dm\\node_modules\\electron\\dist\\electron.exe', appPath: 'C:\\src\\my dm' }),
    );
    item.setEnabled(true);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: true,
      path: 'C:\\src\\dm\\node_modules\\electron\\dist\\electron.exe',
      args: ['"C:\\src\\my dm"', '--hidden'],
    });
  });
});

describe('Linux (XDG autostart)', () => {
  it('writes ~/.config/autostart/discord-monitor.desktop for a packaged app, and removes it', () => {
    const item = createLoginItem(target({}));
    const file = join(home, '.config', 'autostart', 'discord-monitor.desktop');
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(item.isEnabled()).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\n/);
    expect(text).toContain('\nType=Application\n');
    expect(text).toContain('\nExec=/usr/lib/discord-monitor/discord-monitor --hidden\n');
    expect(text).toContain('\nIcon=discord-monitor\n');
    item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    expect(item.isEnabled()).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('respects XDG_CONFIG_HOME, and toggling twice leaves no stale file', () => {
    const xdg = join(home, 'elsewhere');
    const item = createLoginItem(target({ env: { HOME: home, XDG_CONFIG_HOME: xdg } }));
    const file = join(xdg, 'autostart', 'discord-monitor.desktop');
    expect(autostartFile({ HOME: home, XDG_CONFIG_HOME: xdg })).toBe(file);
    item.setEnabled(true);
    item.setEnabled(true);
    expect(existsSync(file)).toBe(true);
    item.setEnabled(false);
    item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(home, '.config', 'autostart', 'discord-monitor.desktop'))).toBe(false);
  });

  it('from a checkout, runs the electron binary on the app folder, quoted when it has spaces', () => {
    const t = target({ packaged: false, execPath: '/home/me/My Apps/dm/node_modules/electron/dist/electron', appPath: '/home/me/My Apps/dm' });
    expect(launchCommand(t)).toEqual([t.execPath, t.appPath, '--hidden']);
    createLoginItem(t).setEnabled(true);
    const text = readFileSync(autostartFile(t.env), 'utf8');
    expect(text).toContain('\nExec="/home/me/My Apps/dm/node_modules/electron/dist/electron" "/home/me/My Apps/dm" --hidden\n');
    expect(text).toContain('\nIcon=/home/me/My Apps/dm/build/icon.png\n');
  });

  it('an AppImage starts the AppImage file, not its temporary mount', () => {
    expect(launchCommand(target({ execPath: '/tmp/.mount_dmXYZ/discord-monitor', appImage: '/home/me/Discord Monitor.AppImage' }))).toEqual([
      '/home/me/Discord Monitor.AppImage',
      '--hidden',
    ]);
  });
});

describe('Exec quoting (Desktop Entry spec)', () => {
  it('leaves plain arguments alone and quotes reserved characters', () => {
    expect(quoteExecArg('/usr/bin/dm')).toBe('/usr/bin/dm');
    expect(quoteExecArg('/opt/My App/dm')).toBe('"/opt/My App/dm"');
    expect(quoteExecArg("it's")).toBe('"it\'s"');
    expect(quoteExecArg('')).toBe('""');
  });

  it('escapes " ` $ \\ inside quotes and doubles % (field codes)', () => {
    expect(quoteExecArg('/a "b"')).toBe('"/a \\"b\\""');
    expect(quoteExecArg('/cost$HOME`x`')).toBe('"/cost\\$HOME\\`x\\`"');
    expect(quoteExecArg('/100%/dm')).toBe('/100%%/dm');
    expect(quoteExecArg('/100% sure')).toBe('"/100%% sure"');
  });

  it('a literal backslash becomes four in the file (quoting, then string escaping)', () => {
    expect(execLine(['/weird\\dir/dm', '--hidden'])).toBe('"/weird\\\\\\\\dir/dm" --hidden');
    expect(desktopEntry({ name: 'X', comment: 'Y', exec: ['/a b/c\\d'] })).toContain('\nExec="/a b/c\\\\\\\\d"\n');
  });
});
