// "Start on login". macOS and Windows: Electron's login-item API. Linux: an XDG autostart file
// whose command starts this very installation, packaged or run from a git checkout.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { HIDDEN } from './args.js';
import { desktopEntry } from './desktop-entry.js';

export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** How this installation is started. */
export interface LaunchTarget {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** The Electron binary (a checkout) or the app's own executable (packaged). */
  execPath: string;
  /** The app folder Electron must be given when it is not packaged. */
  appPath: string;
  /** Set by AppImage: the file to run, since execPath lies inside a temporary mount. */
  appImage?: string | undefined;
  env: NodeJS.ProcessEnv;
}

export function currentLaunchTarget(env: NodeJS.ProcessEnv): LaunchTarget {
  return { platform: process.platform, packaged: app.isPackaged, execPath: process.execPath, appPath: app.getAppPath(), appImage: env.APPIMAGE, env };
}

/** Program and arguments that start this installation in the tray. */
export function launchCommand(t: LaunchTarget): string[] {
  const program = t.appImage || t.execPath;
  return t.packaged || t.appImage ? [program, HIDDEN] : [program, t.appPath, HIDDEN];
}

export function autostartFile(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'autostart', 'discord-monitor.desktop');
}

export function createLoginItem(t: LaunchTarget): LoginItem {
  if (t.platform === 'linux') return xdgAutostart(t);
  if (t.platform === 'win32') {
    const [path, ...rest] = launchCommand(t) as [string, ...string[]];
    // Written to the registry as given, so the app folder needs its own quotes; reading back
    // matches by path and args, hence the same ones both ways.
    const args = rest.map((a) => (a === HIDDEN ? a : `"${a}"`));
    return {
      isEnabled: () => app.getLoginItemSettings({ path, args }).openAtLogin,
      setEnabled: (openAtLogin) => app.setLoginItemSettings({ openAtLogin, path, args }),
    };
  }
  // macOS passes no arguments to login items; the app asks wasOpenedAtLogin instead (openedAtLogin()).
  return {
    isEnabled: () => app.getLoginItemSettings().openAtLogin,
    setEnabled: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
  };
}

function xdgAutostart(t: LaunchTarget): LoginItem {
  const file = autostartFile(t.env);
  return {
    isEnabled: () => existsSync(file),
    setEnabled: (enabled) => {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(join(file, '..'), { recursive: true });
      // The deb/rpm install the icon under the package name; a checkout has it in build/.
      const icon = t.packaged ? 'discord-monitor' : join(t.appPath, 'build', 'icon.png');
      writeFileSync(file, desktopEntry({ name: 'Discord Monitor', comment: 'Watches a Discord channel from the tray', exec: launchCommand(t), icon }));
    },
  };
}

/** macOS login items cannot pass --hidden; Electron says whether this launch came from one. */
export function openedAtLogin(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
