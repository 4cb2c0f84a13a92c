// Quitting for real: the tray app outlives its window, and quits only once the bot is disconnected.
import { app } from 'electron';
import type { Core } from '../core/app-core.js';
import type { PanelWindow } from './panel-window.js';

/** Shared by the window (a close hides it unless quitting) and the quit and relaunch paths. */
export interface Lifecycle {
  quitting: boolean;
}

export function setupLifecycle(core: Core, panel: PanelWindow, lifecycle: Lifecycle): void {
  let shutdown: Promise<void> | null = null;
  let down = false;
  app.on('before-quit', (event) => {
    lifecycle.quitting = true;
    if (down) return;
    // Hold the quit until the gateway socket is closed; then quit again, for real.
    event.preventDefault();
    shutdown ??= core
      .shutdown()
      .catch((err: unknown) => core.log.logger.error(`Shutdown failed: ${String(err)}`))
      .finally(() => {
        down = true;
        app.quit();
      });
  });
  // A tray app: no window is not a reason to quit.
  app.on('window-all-closed', () => undefined);
  // macOS: clicking the Dock icon brings the panel back.
  app.on('activate', () => panel.show());
}
