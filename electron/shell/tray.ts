// The tray: the app's home while the window is hidden. Icon and tooltip follow the bot, and the
// menu is rebuilt on every change (Linux only picks up a new menu through setContextMenu).
import { app, Menu, nativeImage, shell, Tray, type MenuItemConstructorOptions } from 'electron';
import type { CommandName } from '../../shared/contract.js';
import { coreText } from '../../shared/core-text.js';
import { say } from '../core/log/say.js';
import type { Core } from '../core/app-core.js';
import type { LoginItem } from './login-item.js';
import type { PanelWindow } from './panel-window.js';
import { sayInShell, shellLanguage, shellText } from './shell-text.js';
import { trayIconPath, trayMenuTemplate } from './tray-menu.js';

export interface TrayOptions {
  core: Core;
  panel: PanelWindow;
  loginItem: LoginItem;
  iconDir: string;
  logDir: string;
  /** Items above "Start on login"; the updater's slot (update-menu.ts). */
  extraItems?: () => MenuItemConstructorOptions[];
}

export interface AppTray {
  tray: Tray;
  /** Rebuilds icon, tooltip and menu; the updater calls it when its items change. */
  refresh(): void;
}

export function setupTray(o: TrayOptions): AppTray {
  const { core, panel, loginItem } = o;
  const extraItems = o.extraItems ?? (() => []);
  const image = (path: string) => {
    const img = nativeImage.createFromPath(path);
    if (img.isEmpty()) core.log.logger.warn(`Tray icon missing: ${path}. The packaged app should carry it in resources/.`);
    return img;
  };
  // Through dispatch, like the panel: an update in progress refuses these the same way.
  const run = async (command: CommandName) => {
    const reply = await core.dispatch(command, undefined);
    if (!reply.ok) core.log.logger.warn(reply.error.message);
  };

  let shownIcon = trayIconPath(o.iconDir, core.monitor.status().state);
  const tray = new Tray(image(shownIcon));
  const refresh = () => {
    const status = core.monitor.status();
    const icon = trayIconPath(o.iconDir, status.state);
    if (icon !== shownIcon) tray.setImage(image(icon));
    shownIcon = icon;
    const language = shellLanguage();
    tray.setToolTip(sayInShell(status.sentence, status.i18n, language));
    const template = trayMenuTemplate(
      { running: core.monitor.isRunning(), configured: core.settings.view().configured, startOnLogin: loginItem.isEnabled() },
      {
        showPanel: () => panel.show(),
        toggleMonitoring: () => void run(core.monitor.isRunning() ? 'bot.stop' : 'bot.start'),
        setStartOnLogin: (enabled) => {
          try {
            loginItem.setEnabled(enabled);
          } catch (err) {
            say(core.log.logger, 'error', coreText('shell.startOnLoginFailed', { detail: String(err) }));
          }
          refresh();
        },
        openLogFolder: () => {
          void shell.openPath(o.logDir).then((problem) => problem && say(core.log.logger, 'warn', coreText('shell.openFailed', { path: o.logDir, detail: problem })));
        },
        quit: () => app.quit(),
      },
      extraItems(),
      (key) => shellText(key, {}, language),
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };

  // Also covers settings changes: the monitor re-announces its status (configured or not) after each save.
  core.bus.on('bot.status', refresh);
  // Windows and most Linux panels: a left click means "open".
  tray.on('click', () => panel.show());
  refresh();
  return { tray, refresh };
}
