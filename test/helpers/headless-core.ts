// A headless core (no Discord) over a fresh temp data folder per test, shut down before the folder
// goes: the settings, settings-file and language tests open it with the environment they need.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { confStore } from '../../electron/headless/run.js';

export interface HeadlessCoreHarness {
  /** This test's data folder (also the app folder, so a `.env` there is read). */
  dir(): string;
  /** Opens the core on dir() with `env` as the process environment (`extra`: e.g. the desktop's ports). */
  open(env?: NodeJS.ProcessEnv, extra?: Partial<CoreOptions>): Promise<Core>;
}

export function eachHeadlessCore(prefix: string): HeadlessCoreHarness {
  let dir = '';
  let core: Core | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await core?.shutdown();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    open: async (env = {}, extra = {}) =>
      (core = await createCore({
        paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir },
        secrets: new FileSecretBox(join(dir, 'token')),
        storeFactory: confStore,
        env,
        mode: 'headless',
        ...extra,
      })),
  };
}
