// settings.json made invalid by hand while the real core runs: the core keeps its last valid settings
// (the update check and its timer, the settings commands), says so in a notice in the panel's language,
// refuses to save over the user's file, and leaves that file byte for byte; once fixed, it is used again.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, createWorld, startConnected, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});
beforeEach(async () => {
  rejections.length = 0;
  world = await createWorld();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await core?.shutdown();
  core = null;
  await world.close();
});

const file = () => join(world.dataDir, 'settings.json');
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;

describe.each([
  ['a wrong value', (text: string) => JSON.stringify({ ...JSON.parse(text), checkIntervalMinutes: 'soon' }), /checkIntervalMinutes/],
  ['broken JSON', (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
  // conf reads a list as an empty store: it must not become the defaults.
  ['a list', () => '[]', /a list, not an object/],
])('settings.json given %s while the core runs', (_name, spoil, reason) => {
  it('keeps the last valid settings, says so in a notice, refuses to save over the file and keeps it byte for byte', async () => {
    core = await startConnected(await coreFor(world, configuredEnv(world)));
    expect((await core.dispatch('settings.save', { checkIntervalMinutes: 7, language: 'fr' })).ok).toBe(true);
    const bad = spoil(readFileSync(file(), 'utf8'));
    writeFileSync(file(), bad);

    // The update check and the timer after it read the interval: it is the last valid one, and nothing rejects.
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    core.updates.schedule();
    await vi.waitFor(() => expect(timeouts.mock.calls.some(([, ms]) => ms === 7 * 60_000)).toBe(true), { timeout: 10_000 });
    core.updates.dispose();

    const got = await core.dispatch('settings.get', undefined);
    expect(got.ok && got.value.checkIntervalMinutes).toBe(7);
    expect((await core.dispatch('app.info', undefined)).ok).toBe(true);
    expect(core.monitor.status().state).toBe('connected');

    // One notice (not one per read), in the panel's language, naming the file, the problem and the fix.
    await core.dispatch('settings.get', undefined);
    const notices = await core.dispatch('app.notices', undefined);
    const invalid = notices.ok ? notices.value.filter((n) => n.code === 'settings-invalid') : [];
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.message).toMatch(reason);
    expect(invalid[0]!.message).toContain(file());
    expect(invalid[0]!.i18n?.key).toBe('notice.settingsInvalid');

    // Another problem while the first is unfixed replaces its notice (the old one no longer says what is wrong).
    writeFileSync(file(), '[1]');
    await core.dispatch('settings.get', undefined);
    const replaced = await core.dispatch('app.notices', undefined);
    const now = replaced.ok ? replaced.value.filter((n) => n.code === 'settings-invalid') : [];
    expect(now.map((n) => n.params.reason)).toEqual(['it holds a list, not an object of settings']);
    writeFileSync(file(), bad);

    // A save would write over the user's file: refused with the reason and the fix, the file untouched.
    const saved = await core.dispatch('settings.save', { checkIntervalMinutes: 9 });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.error.message).toMatch(/not saved.*settings\.json/i);
    expect(readFileSync(file(), 'utf8')).toBe(bad);
    expect(readdirSync(world.dataDir).filter((f) => f.startsWith('settings.corrupt-'))).toEqual([]);

    // Fixed by hand: the file is used again and saving works.
    writeFileSync(file(), JSON.stringify({ ...onDiskOr(bad), checkIntervalMinutes: 11 }));
    const fixed = await core.dispatch('settings.get', undefined);
    expect(fixed.ok && fixed.value.checkIntervalMinutes).toBe(11);
    // Its notice no longer says what is true: gone (a notice of the start, if any, stays).
    const after = await core.dispatch('app.notices', undefined);
    expect(after.ok && after.value.filter((n) => n.code === 'settings-invalid')).toEqual([]);
    expect((await core.dispatch('settings.save', { checkIntervalMinutes: 12 })).ok).toBe(true);
    expect(onDisk().checkIntervalMinutes).toBe(12);
    expect(rejections).toEqual([]);
  });
});

/** The spoiled file's keys when it still parses, else a valid minimal file. */
function onDiskOr(bad: string): Record<string, unknown> {
  try {
    return JSON.parse(bad) as Record<string, unknown>;
  } catch {
    return { schemaVersion: 2 };
  }
}

it('at the next start a file still invalid is moved aside byte for byte, and the notice of the last run is not shown again', async () => {
  core = await coreFor(world, configuredEnv(world));
  const bad = JSON.stringify({ ...onDisk(), checkIntervalMinutes: 'soon' });
  writeFileSync(file(), bad);
  await core.dispatch('settings.get', undefined);
  const shown = await core.dispatch('app.notices', undefined);
  expect(shown.ok && shown.value.map((n) => n.code)).toContain('settings-invalid');
  await core.shutdown();

  // What the notice promised: moved aside as the user's bytes, defaults in use, and said so.
  core = await coreFor(world, configuredEnv(world));
  const aside = readdirSync(world.dataDir).filter((f) => /^settings\.corrupt-.*\.json$/.test(f));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(world.dataDir, aside[0]!), 'utf8')).toBe(bad);
  const notices = await core.dispatch('app.notices', undefined);
  // "The app keeps the settings it had" was about the last run: not true of this one.
  expect(notices.ok && notices.value.map((n) => n.code)).toEqual(['settings-moved-aside']);
  expect(rejections).toEqual([]);
});
