// Where the desktop saves an export: the native save dialog, attached to the panel window,
// starting in the Downloads folder with the suggested name and the format's file type.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { SaveDialogPort } from '../core/ports.js';

const TYPES: Record<string, { name: string; extensions: string[] }> = {
  html: { name: 'Web page', extensions: ['html'] },
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  txt: { name: 'Text', extensions: ['txt'] },
};

export function createSaveDialog(window: () => BrowserWindow | null): SaveDialogPort {
  return {
    choose: async (name, format) => {
      const type = Object.hasOwn(TYPES, format) ? TYPES[format]! : null;
      const options: SaveDialogOptions = { defaultPath: join(app.getPath('downloads'), name), filters: type ? [type] : [], properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
