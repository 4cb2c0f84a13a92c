// What the tray shows for a given state: icon file and menu template. No Electron objects are
// created here, so the mapping is plain data.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { BotState } from '../../shared/types.js';
import { shellWords, type ShellKey } from './shell-words.js';

export type TrayIcon = 'connected' | 'connecting' | 'stopped' | 'error';

export function trayIcon(state: BotState): TrayIcon {
  if (state === 'connected' || state === 'connecting' || state === 'error') return state;
  return 'stopped';
}

export const trayIconPath = (dir: string, state: BotState): string => join(dir, `tray-${trayIcon(state)}.png`);

export interface TrayMenuState {
  /** Monitoring is wanted (connecting, connected or retrying). */
  running: boolean;
  configured: boolean;
  startOnLogin: boolean;
}

export interface TrayMenuActions {
  showPanel(): void;
  toggleMonitoring(): void;
  setStartOnLogin(enabled: boolean): void;
  openLogFolder(): void;
  quit(): void;
}

export function trayMenuTemplate(
  state: TrayMenuState,
  actions: TrayMenuActions,
  extra: MenuItemConstructorOptions[],
  /** The labels, in the shell's language (English by default). */
  text: (key: ShellKey) => string = (key) => shellWords(key, {}, 'en'),
): MenuItemConstructorOptions[] {
  return [
    { label: text('showPanel'), click: () => actions.showPanel() },
    {
      label: text(state.running ? 'stopMonitoring' : 'startMonitoring'),
      // Starting needs a token, a server and a channel; the panel's Settings says so.
      enabled: state.running || state.configured,
      click: () => actions.toggleMonitoring(),
    },
    { type: 'separator' },
    ...(extra.length ? [...extra, { type: 'separator' as const }] : []),
    { label: text('startOnLogin'), type: 'checkbox', checked: state.startOnLogin, click: (item) => actions.setStartOnLogin(item.checked) },
    { label: text('openLogFolder'), click: () => actions.openLogFolder() },
    { type: 'separator' },
    { label: text('quit'), click: () => actions.quit() },
  ];
}
