// The desktop settings store: electron-store writing settings.json in userData, as the core expects.
// electron-store loads the real `electron` package (outside the mock); pointing
// ELECTRON_OVERRIDE_DIST_PATH somewhere makes that package return a path string instead of
// looking for (or downloading) a binary — nothing is launched.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { desktopCore } from './desktop-core.js';

vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
});
vi.mock('electron', () => import('./electron-mock.js'));

const dir = tempDirPerTest('dm-store-');

describe('electron-store factory', () => {
  it('keeps the core settings in <userData>/settings.json (not electron-store\'s default config.json)', async () => {
    const core = await desktopCore(dir());
    try {
      expect(core.settings.file).toBe(join(dir(), 'settings.json'));
      const reply = await core.dispatch('settings.save', { guildId: '123456789012345678', autoStartBot: false });
      expect(reply.ok).toBe(true);
      expect(JSON.parse(readFileSync(join(dir(), 'settings.json'), 'utf8'))).toMatchObject({ guildId: '123456789012345678', autoStartBot: false });
      expect(existsSync(join(dir(), 'config.json'))).toBe(false);
    } finally {
      await core.shutdown();
    }
  });
});
