// The desktop's export destination: Electron's save dialog on the panel window, in Downloads, with
// the format's file type; cancelling saves nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveDialog } from '../../electron/shell/save-dialog.js';
import { app, BrowserWindow, dialog, resetElectronMock } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

beforeEach(() => {
  resetElectronMock();
  app.setPath('downloads', '/home/me/Downloads');
});
afterEach(() => vi.restoreAllMocks());

describe('save dialog', () => {
  it('asks on the panel window, in Downloads, for the format, and answers the chosen path', async () => {
    const win = new BrowserWindow();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/me/Documents/general.html' });
    const port = createSaveDialog(() => win as never);
    expect(await port.choose('general-2026-12-01.html', 'html')).toBe('/home/me/Documents/general.html');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: '/home/me/Downloads/general-2026-12-01.html', filters: [{ name: 'Web page', extensions: ['html'] }] }));
  });

  it('answers null when cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    expect(await createSaveDialog(() => null).choose('x.csv', 'csv')).toBeNull();
  });
});
