// The same folders Electron's app.getPath('userData') / ('logs') use, so the desktop app and
// headless mode share settings. DISCORD_MONITOR_DATA_DIR overrides (tests, demo, several instances).
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AppPaths } from '../core/ports.js';

export const PRODUCT = 'Discord Monitor';

export function defaultDataDir(env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT);
}

export function resolvePaths(env: NodeJS.ProcessEnv, appDir: string, dataDirArg?: string): AppPaths {
  const dataDir = dataDirArg ?? env.DISCORD_MONITOR_DATA_DIR ?? defaultDataDir(env);
  return { dataDir, logDir: join(dataDir, 'logs'), appDir };
}
