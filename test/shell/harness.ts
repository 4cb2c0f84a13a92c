// Starts the real desktop main() over the electron mock: a real core (conf store, safeStorage box over
// the mock keyring) in temp folders, optionally configured against the fake Discord server.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Shell } from '../../electron/main.js';
import { confStore } from '../../electron/headless/run.js';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { configuredEnv, createWorld, type World } from '../helpers/world.js';
import { BrowserWindow, mock, resetElectronMock, Tray, type MockMenu } from './electron-mock.js';

export interface Started {
  shell: Shell;
  dirs: { root: string; userData: string; logs: string; app: string; build: string; configHome: string };
  /** The panel's BrowserWindow (throws if none was created). */
  window(): BrowserWindow;
  tray(): Tray;
  menu(): MockMenu;
}

/** Temp folders standing in for userData, logs, the app folder and XDG_CONFIG_HOME. */
export function tempDirs(): Started['dirs'] {
  const root = mkdtempSync(join(tmpdir(), 'dm-shell-'));
  const dirs = {
    root,
    userData: join(root, 'userData'),
    logs: join(root, 'userData', 'logs'),
    app: join(root, 'app'),
    build: join(root, 'app', '.vite', 'build'),
    configHome: join(root, 'xdg-config'),
  };
  for (const d of [dirs.userData, dirs.app, dirs.build, dirs.configHome]) mkdirSync(d, { recursive: true });
  return dirs;
}

export interface StartOptions {
  flags?: string[];
  world?: World;
  dirs?: Started['dirs'];
  env?: NodeJS.ProcessEnv;
  /** A stand-in for the new build's headless entry in the standby check before a relaunch. */
  standbyEntry?: string;
}

export async function startMain(o: StartOptions = {}): Promise<Started | null> {
  const dirs = o.dirs ?? tempDirs();
  mock.state.paths.userData = dirs.userData;
  mock.state.appPath = dirs.app;
  const env: NodeJS.ProcessEnv = {
    XDG_CONFIG_HOME: dirs.configHome,
    HOME: dirs.root,
    ...(o.world ? { DISCORD_API_URL: o.world.fake.apiUrl, DISCORD_CDN_URL: o.world.fake.cdnUrl, ...configuredEnv(o.world) } : {}),
    ...o.env,
  };
  const shell = await main({ argv: ['/opt/electron', dirs.app, ...(o.flags ?? [])], env, buildDir: dirs.build, storeFactory: confStore, ...(o.standbyEntry ? { standbyEntry: o.standbyEntry } : {}) });
  if (!shell) return null;
  return {
    shell,
    dirs,
    window: () => {
      const win = shell.panel.window;
      if (!win) throw new Error('no panel window');
      return win as unknown as BrowserWindow;
    },
    tray: () => {
      const tray = Tray.instances.at(-1);
      if (!tray) throw new Error('no tray');
      return tray;
    },
    menu: () => {
      const menu = Tray.instances.at(-1)?.menu;
      if (!menu) throw new Error('no tray menu');
      return menu;
    },
  };
}

/** Shuts the core down (the bot disconnects) and removes the temp folders. */
export async function stopMain(started: Started | null): Promise<void> {
  if (!started) return;
  await started.shell.core.shutdown();
  rmSync(started.dirs.root, { recursive: true, force: true });
}

/** Resolves when the window emitted ready-to-show and the shell reacted to it. */
export const painted = (win: BrowserWindow): Promise<void> =>
  new Promise((resolve) => {
    if (win.isVisible()) resolve();
    else win.once('ready-to-show', () => setImmediate(resolve));
  });

/** Per test file one fake Discord; per test a fresh electron mock, and the app stopped afterwards. */
export function useShellWorld(): { world: World; started: Started | null } {
  const t = { world: undefined as unknown as World, started: null as Started | null };
  beforeAll(async () => {
    t.world = await createWorld();
  });
  afterAll(async () => {
    await t.world.close();
  });
  beforeEach(() => resetElectronMock());
  afterEach(async () => {
    await stopMain(t.started);
    t.started = null;
  });
  return t;
}
