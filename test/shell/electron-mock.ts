// The one stand-in for the `electron` module, used by every shell test through
// vi.mock('electron', () => import('./electron-mock.js')). Electron's binary cannot run here, so
// this mimics the parts the shell uses, with the behaviours the shell relies on (close can be
// prevented, a prevented close cancels a quit, ready-to-show comes after loading, one IPC handler
// per channel). `mock` holds the state tests set and inspect; resetElectronMock() starts afresh.
// The pieces live in electron-mock/, one file per area; this module re-exports them because vi.mock
// hands its exports to the shell as `electron`.
import { vi } from 'vitest';
import { app, BrowserWindow } from './electron-mock/app.js';
import { ipcMain, ipcRenderer } from './electron-mock/ipc.js';
import { session } from './electron-mock/session.js';
import { freshState, mock } from './electron-mock/state.js';
import { Tray } from './electron-mock/tray.js';

export * from './electron-mock/app.js';
export * from './electron-mock/ipc.js';
export * from './electron-mock/safe-storage.js';
export * from './electron-mock/session.js';
export { mock } from './electron-mock/state.js';
export * from './electron-mock/tray.js';

/** Fresh state, listeners and call records. Also resets every vi.fn/spyOn in the test file (vi.resetAllMocks). */
export function resetElectronMock(): void {
  mock.state = freshState();
  app.removeAllListeners();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  BrowserWindow.instances = [];
  Tray.instances = [];
  session.defaultSession.headersListener = null;
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  vi.resetAllMocks();
}
