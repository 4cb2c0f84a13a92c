// settings.json edited by hand while the real core runs: the core notices the file change by itself
// (nobody has to read a setting first), and the panel is told the values now in use through
// settings.changed, the same event a save sends. Invalid, the core keeps its values and says why in a
// notice; fixed again, the notice goes and the fixed values are sent.
import { existsSync, mkdtempSync, readFileSync, rmSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';
import type { SettingsView } from '../../shared/types.js';
import { coreEachWorld, coreFor, nextEvent, recordEvents } from '../helpers/world.js';

const t = coreEachWorld();
const file = () => join(t.world.dataDir, 'settings.json');
const edit = (change: Record<string, unknown>) => writeFileSync(file(), JSON.stringify({ ...JSON.parse(readFileSync(file(), 'utf8')), ...change }, null, '\t'));

it('made invalid, then fixed by hand: the notice comes and goes, and the fixed values reach the panel', async () => {
  const core = (t.core = await coreFor(t.world));
  expect((await core.dispatch('settings.save', { checkIntervalMinutes: 7 })).ok).toBe(true);
  const events = recordEvents(core);

  const good = readFileSync(file(), 'utf8');
  edit({ checkIntervalMinutes: 'soon' });
  const shown = await nextEvent(core, 'notices.changed', (list) => list.some((n) => n.code === 'settings-invalid'), 10_000);
  expect(shown.find((n) => n.code === 'settings-invalid')!.message).toMatch(/checkIntervalMinutes/);

  writeFileSync(file(), good.replace('"checkIntervalMinutes": 7', '"checkIntervalMinutes": 11'));
  const view = await nextEvent(core, 'settings.changed', (v) => v.checkIntervalMinutes === 11, 10_000);
  expect(view.checkIntervalMinutes).toBe(11);
  const notices = await core.dispatch('app.notices', undefined);
  expect(notices.ok && notices.value.filter((n) => n.code === 'settings-invalid')).toEqual([]);
  // While invalid nothing changed in use: no settings.changed then (the panel keeps the values that apply).
  expect(events.filter((e) => e.event === 'settings.changed').map((e) => (e.payload as { checkIntervalMinutes: number }).checkIntervalMinutes)).toEqual([11]);
});

it('a valid edit by hand reaches the panel too', async () => {
  const core = (t.core = await coreFor(t.world));
  edit({ channelId: t.world.otherChannelId, highlightKeywords: ['deploy'] });
  const view = await nextEvent(core, 'settings.changed', (v) => v.channelId === t.world.otherChannelId, 10_000);
  expect(view.highlightKeywords).toEqual(['deploy']);
});

it('a deleted data folder is not brought back by the watch (conf recreates its folder on a read)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-settings-gone-'));
  const settings = await Settings.open({ dataDir: dir, appDir: dir, env: {}, secrets: new FileSecretBox(join(dir, 'token')), storeFactory: confStore });
  await settings.save({ checkIntervalMinutes: 7 });
  expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  const changes = vi.fn();
  settings.on('changed', changes);
  // Node polls a file once for all its listeners, in the order they came: this one runs after the settings' own.
  const seenGone = new Promise<void>((resolve) =>
    watchFile(join(dir, 'settings.json'), { persistent: false, interval: 1000 }, (now, before) => now.nlink === 0 && before.nlink > 0 && resolve()),
  );
  try {
    rmSync(dir, { recursive: true, force: true });
    await seenGone;
    expect(existsSync(dir)).toBe(false);
    expect(changes).not.toHaveBeenCalled();
  } finally {
    unwatchFile(join(dir, 'settings.json'));
    settings.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('a save is told once: the watch seeing the app write its own file sends nothing more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-settings-own-'));
  const file = join(dir, 'settings.json');
  const settings = await Settings.open({ dataDir: dir, appDir: dir, env: {}, secrets: new FileSecretBox(join(dir, 'token')), storeFactory: confStore });
  await settings.save({ checkIntervalMinutes: 7 });
  const changes = vi.fn<(view: SettingsView) => void>();
  settings.on('changed', changes);
  // Registered after the settings' own listener on Node's one poll of the file: runs after it.
  const seenWrite = new Promise<void>((resolve) => watchFile(file, { persistent: false, interval: 1000 }, (now, before) => now.nlink > 0 && now.mtimeMs !== before.mtimeMs && resolve()));
  try {
    await settings.save({ checkIntervalMinutes: 8 });
    await seenWrite;
    expect(changes.mock.calls.map(([view]) => view.checkIntervalMinutes)).toEqual([8]);
  } finally {
    unwatchFile(file);
    settings.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
