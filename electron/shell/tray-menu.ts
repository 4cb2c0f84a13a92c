// What the tray shows for a given state: icon file and menu template. No Electron objects are
// created here, so the mapping is plain data.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { BotState } from '../../shared/types.js';

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
): MenuItemConstructorOptions[] {
  return [
    { label: 'Show panel', click: () => actions.showPanel() },
    {
      label: state.running ? 'Stop monitoring' : 'Start monitoring',
      // Starting needs a token, a server and a channel; the panel's Settings says so.
      enabled: state.running || state.configured,
      click: () => actions.toggleMonitoring(),
    },
    { type: 'separator' },
    ...(extra.length ? [...extra, { type: 'separator' as const }] : []),
    { label: 'Start on login', type: 'checkbox', checked: state.startOnLogin, click: (item) => actions.setStartOnLogin(item.checked) },
    { label: 'Open log folder', click: () => actions.openLogFolder() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
