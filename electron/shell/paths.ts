// Where the core keeps its files. userData is also what the single-instance lock is keyed on,
// so this runs before the lock is requested.
import { join } from 'node:path';
import { app } from 'electron';
import type { AppPaths } from '../core/ports.js';

export function setupPaths(env: NodeJS.ProcessEnv): AppPaths {
  // Same override as headless mode (tests, demo, several instances side by side).
  const override = env.DISCORD_MONITOR_DATA_DIR;
  if (override) {
    app.setPath('userData', override);
    app.setAppLogsPath(join(override, 'logs'));
  } else {
    app.setAppLogsPath();
  }
  return { dataDir: app.getPath('userData'), logDir: app.getPath('logs'), appDir: app.getAppPath() };
}

/** Tray and window icons: beside the app in a checkout, in resources/ once packaged (see forge.config.ts extraResource). */
export function iconDir(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');
}
