// The desktop app's core as the shell builds it on electron-store, in a test's own folder. The test file
// itself must point ELECTRON_OVERRIDE_DIST_PATH away (vi.hoisted) and mock electron: see store.test.ts.
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { electronStore } from '../../electron/shell/settings-store.js';

/** A core with its data, logs and app folder in `dir`, the token in a plain file there. */
export async function desktopCore(dir: string): Promise<Core> {
  return createCore({
    paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir },
    secrets: new FileSecretBox(join(dir, 'token')),
    storeFactory: await electronStore(),
    env: {},
    mode: 'electron',
  });
}
