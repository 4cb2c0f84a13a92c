// Review: the preload tells the main process each time a page loads (ipc.ts PAGE_READY_CHANNEL), so the
// window's event sink starts afresh for it, as a browser panel's new socket does.
import { expect, it, vi } from 'vitest';
import { PAGE_READY_CHANNEL } from '../../electron/shell/ipc.js';
import { ipcRenderer } from './electron-mock.js';
import { loadPreload } from './harness.js';

vi.mock('electron', () => import('./electron-mock.js'));

it('the preload says its page loaded, once, on the channel ipc.ts listens on', async () => {
  await loadPreload();
  expect(ipcRenderer.send.mock.calls.filter((call) => call[0] === PAGE_READY_CHANNEL)).toEqual([[PAGE_READY_CHANNEL]]);
});
