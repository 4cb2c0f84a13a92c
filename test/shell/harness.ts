// Starts the real desktop main() over the electron mock: a real core (conf store, safeStorage box over
// the mock keyring) in temp folders, optionally configured against the fake Discord server.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Shell } from '../../electron/main.js';
import type { Api } from '../../shared/api.js';
import { confStore } from '../../electron/headless/run.js';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { configuredEnv, createWorld, type World } from '../helpers/world.js';
import { BrowserWindow, mock, resetElectronMock, Tray, type MockMenu } from './electron-mock.js';
import { recreatedFolders, release, takeLateWrites } from './late-writes.js';

export interface Started {
  shell: Shell;
  dirs: { root: string; userData: string; logs: string; app: string; build: string; configHome: string };
  /** The panel's BrowserWindow (throws if none was created). */
  window(): BrowserWindow;
  tray(): Tray;
  menu(): MockMenu;
}

/** Every root tempDirs() made in this test file: each must be gone when the file ends. */
const roots: string[] = [];

/** Temp folders standing in for userData, logs, the app folder and XDG_CONFIG_HOME. */
export function tempDirs(): Started['dirs'] {
  const root = mkdtempSync(join(tmpdir(), 'dm-shell-'));
  roots.push(root);
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
  const made = !o.dirs;
  const shell = await main({ argv: ['/opt/electron', dirs.app, ...(o.flags ?? [])], env, buildDir: dirs.build, storeFactory: confStore, ...(o.standbyEntry ? { standbyEntry: o.standbyEntry } : {}) });
  if (!shell) {
    // Nothing runs on (another instance holds the lock, or it restarted at once): folders it made go now.
    if (made) removeReleased(dirs.root);
    return null;
  }
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

/** Shuts the core down (the bot disconnects) and removes the temp folders; any later write into them is recorded. */
export async function stopMain(started: Started | null): Promise<void> {
  if (!started) return;
  await started.shell.core.shutdown();
  removeReleased(started.dirs.root);
}

function removeReleased(root: string): void {
  release(root);
  rmSync(root, { recursive: true, force: true });
}

// Every shell test file: a shell that wrote after its core shut down left an empty profile behind
// (once ~900 of them in /tmp), and a test that let its folders be is caught here too.
afterAll(() => {
  expect(takeLateWrites()).toEqual([]);
  expect(recreatedFolders()).toEqual([]);
  expect(roots.filter((root) => existsSync(root)), 'temp folders left behind').toEqual([]);
});

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

/** Per test a fresh electron mock and the app started with its window painted; stopped afterwards. */
export function usePaintedWindow(): { readonly started: Started; readonly win: BrowserWindow } {
  const t = { started: null as Started | null, win: undefined as unknown as BrowserWindow };
  beforeEach(async () => {
    resetElectronMock();
    t.started = await startMain();
    t.win = t.started!.window();
    await painted(t.win);
  });
  afterEach(async () => {
    await stopMain(t.started);
    t.started = null;
  });
  return {
    get started() {
      return t.started!;
    },
    get win() {
      return t.win;
    },
  };
}

/** The page's API from the real preload, run once per test file (at import) over a fresh electron mock. */
export async function loadPreload(): Promise<Api> {
  resetElectronMock();
  await import('../../electron/preload.js');
  return mock.state.exposed.get('discordMonitor') as Api;
}
