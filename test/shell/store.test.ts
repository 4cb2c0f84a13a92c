// The desktop settings store: electron-store writing settings.json in userData, as the core expects.
// electron-store loads the real `electron` package (outside the mock); pointing
// ELECTRON_OVERRIDE_DIST_PATH somewhere makes that package return a path string instead of
// looking for (or downloading) a binary — nothing is launched.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { electronStore } from '../../electron/shell/settings-store.js';

vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
});
vi.mock('electron', () => import('./electron-mock.js'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-store factory', () => {
  it('keeps the core settings in <userData>/settings.json (not electron-store\'s default config.json)', async () => {
    const core = await createCore({
      paths: { dataDir: dir, logDir: join(dir, 'logs'), appDir: dir },
      secrets: new FileSecretBox(join(dir, 'token')),
      storeFactory: await electronStore(),
      env: {},
      mode: 'electron',
    });
    try {
      expect(core.settings.file).toBe(join(dir, 'settings.json'));
      const reply = await core.dispatch('settings.save', { guildId: '123456789012345678', autoStartBot: false });
      expect(reply.ok).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ guildId: '123456789012345678', autoStartBot: false });
      expect(existsSync(join(dir, 'config.json'))).toBe(false);
    } finally {
      await core.shutdown();
    }
  });
});
