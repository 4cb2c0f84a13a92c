// The desktop app's settings store (electron-store) goes through the same check as the headless one:
// settings.json made invalid while the app runs keeps the last valid settings, a notice, and the file as is.
// electron-store loads the real `electron` package: see store.test.ts for why nothing is launched.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { desktopCore } from './desktop-core.js';

vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
});
vi.mock('electron', () => import('./electron-mock.js'));

const dir = tempDirPerTest('dm-store-edited-');

it.each([
  ['a wrong value', (text: string) => JSON.stringify({ ...JSON.parse(text), backupKeep: -1 })],
  ['broken JSON', (text: string) => `${text}}`],
])('settings.json given %s while the desktop core runs', async (_name, spoil) => {
  const core = await desktopCore(dir());
  try {
    expect((await core.dispatch('settings.save', { backupKeep: 30 })).ok).toBe(true);
    const file = join(dir(), 'settings.json');
    const bad = spoil(readFileSync(file, 'utf8'));
    writeFileSync(file, bad);
    const got = await core.dispatch('settings.get', undefined);
    expect(got.ok && got.value.backupKeep).toBe(30);
    const notices = await core.dispatch('app.notices', undefined);
    expect(notices.ok && notices.value.map((n) => n.code)).toContain('settings-invalid');
    expect((await core.dispatch('settings.save', { backupKeep: 5 })).ok).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(bad);
  } finally {
    await core.shutdown();
  }
});
