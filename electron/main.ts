// Electron main process: the same core as headless mode, with a window, a tray and OS integration.
// Each concern lives in electron/shell/; this file only puts them in order.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createCore, type Core } from './core/app-core.js';
import type { Relauncher } from './core/ports.js';
import type { StoreFactory } from './core/settings/open-store.js';
import { parseShellArgs } from './shell/args.js';
import { startBackgroundWork } from './shell/background.js';
import { setupIpc } from './shell/ipc.js';
import { setupLifecycle, type Lifecycle } from './shell/lifecycle.js';
import { createLoginItem, currentLaunchTarget, openedAtLogin, type LoginItem } from './shell/login-item.js';
import { PanelWindow } from './shell/panel-window.js';
import { iconDir, setupPaths } from './shell/paths.js';
import { createRelauncher } from './shell/relauncher.js';
import { createSaveDialog } from './shell/save-dialog.js';
import { standbyCheck } from './shell/standby-check.js';
import { takeWindowState } from './shell/window-state.js';
import { preloadPath, rendererLocation } from './shell/renderer-location.js';
import { openSecretBox } from './shell/secret-box.js';
import { setupSecurity } from './shell/security.js';
import { electronStore } from './shell/settings-store.js';
import { ShellFlags } from './shell/shell-flags.js';
import { setupSingleInstance } from './shell/single-instance.js';
import { followPanelLanguage } from './shell/shell-text.js';
import { setupTray, type AppTray } from './shell/tray.js';
import { createUpdateMenu } from './shell/update-menu.js';

export interface MainOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Folder of the built main.js; the preload and the panel are found from it. */
  buildDir: string;
  /** Settings store; electron-store unless a test passes another. */
  storeFactory?: StoreFactory;
  /** Tests: a stand-in for the new build's headless entry in the standby check before a relaunch. */
  standbyEntry?: string;
}

export interface Shell {
  core: Core;
  panel: PanelWindow;
  tray: AppTray;
  loginItem: LoginItem;
  lifecycle: Lifecycle;
  /** Also given to the core, whose update service restarts through it. */
  relauncher: Relauncher;
  /** Resolves once the bot start (if any) has been dispatched, after the first paint. */
  background: Promise<void>;
}

/** Starts the desktop app; null when another instance already runs (this one then quits) or it restarts at once. */
export async function main(o: MainOptions): Promise<Shell | null> {
  const args = parseShellArgs(o.argv);
  const paths = setupPaths(o.env);
  const instance = await setupSingleInstance({ relaunched: args.relaunched });
  if (!instance) return null;

  await app.whenReady();
  setupSecurity();
  const secrets = await openSecretBox({ dataDir: paths.dataDir });
  const lifecycle: Lifecycle = { quitting: false };
  const relauncher = createRelauncher({ lifecycle, argv: o.argv, shutdown: () => core.shutdown() });
  const loginItem = createLoginItem(currentLaunchTarget(o.env));
  const core = await createCore({
    loginItem,
    saveDialog: createSaveDialog(() => BrowserWindow.getAllWindows()[0] ?? null),
    paths,
    secrets,
    storeFactory: o.storeFactory ?? (await electronStore()),
    env: o.env,
    mode: 'electron',
    electronVersion: process.versions.electron ?? null,
    relauncher,
    packaged: app.isPackaged,
    // An update relaunches only after the new build passed the standby check in plain Node.
    update: {
      handover: standbyCheck({ appDir: paths.appDir, dataDir: paths.dataDir, relauncher, windowState: () => panel.state(), ...(o.standbyEntry ? { entry: o.standbyEntry } : {}) }),
    },
  });
  secrets.useLogger(core.log.logger);
  // Tray, dialogs and notifications speak the language chosen in the panel (else the system's).
  followPanelLanguage(core);

  // Before the window and the bot: finish or undo what an update left behind.
  const boot = await core.updates.boot();
  if (boot.restartNeeded) {
    core.log.logger.warn('The checkout was restored after a failed update; restarting into it.');
    // Under a service manager, exit and let it restart us: a relaunched copy would run beside its own.
    if (core.updates.restartMethod() === 'relaunch') await relauncher.relaunch([]);
    else await core.shutdown().finally(() => app.exit(1));
    return null;
  }

  const renderer = rendererLocation(o.buildDir);
  const saved = args.relaunched ? takeWindowState(paths.dataDir) : null;
  const panel = new PanelWindow({
    renderer,
    preload: preloadPath(o.buildDir),
    icon: join(iconDir(), 'icon.png'),
    flags: new ShellFlags(paths.dataDir),
    logger: core.log.logger,
    isQuitting: () => lifecycle.quitting,
    // After an update's relaunch: the window where and as large as it was.
    bounds: saved?.bounds ?? null,
  });
  instance.onSecondInstance(() => panel.show());
  setupIpc(core, panel, renderer);
  const updateMenu = createUpdateMenu(core);
  const tray = setupTray({ core, panel, loginItem, iconDir: iconDir(), logDir: paths.logDir, extraItems: updateMenu.items });
  updateMenu.watch(tray.refresh);
  core.bus.on('settings.changed', tray.refresh);
  setupLifecycle(core, panel, lifecycle);

  // After an update's relaunch, as the window was (open, or in the tray), whatever started the app before.
  const hidden = saved ? !saved.visible : args.hidden || openedAtLogin() || core.settings.effective().startHidden;
  const background = startBackgroundWork(core, { when: hidden ? Promise.resolve() : panel.firstShown, resumeBot: boot.resumeBot });
  if (!hidden) panel.show();
  core.log.logger.info(`Discord Monitor ${core.info().version} started${hidden ? ' in the tray' : ''}.`);
  return { core, panel, tray, loginItem, lifecycle, relauncher, background };
}

// Electron runs this file as its main process; tests import main() and call it themselves.
if (process.type === 'browser') {
  main({ argv: process.argv, env: process.env, buildDir: dirname(fileURLToPath(import.meta.url)) }).catch((err: unknown) => {
    dialog.showErrorBox('Discord Monitor could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
