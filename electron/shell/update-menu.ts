// ┌──────────────────────────────────────────────────────────────────────────────┐
// │ UPDATER HOOK — tray menu items for updates ("Check for updates",             │
// │ "Update now (N)"). Empty until the updater fills it in. The tray asks for    │
// │ these on every rebuild; call the tray's refresh() when update state changes. │
// └──────────────────────────────────────────────────────────────────────────────┘
import type { MenuItemConstructorOptions } from 'electron';

export function updateMenuItems(): MenuItemConstructorOptions[] {
  return [];
}
