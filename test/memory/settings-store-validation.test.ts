// settings.json is validated by our zod schema (schema.ts), not by conf's JSON schema: conf compiles a
// schema with ajv at every start (generated validator code, ≈0.8 MiB of heap and ≈2.5 MiB of RSS at idle).
// What conf did with it must still hold: a file with a wrong value is refused at load, a wrong write
// is refused before the file is touched.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type StoreOptions } from '../../electron/core/settings/open-store.js';
import { confStore } from '../../electron/headless/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-settings-validation-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings store validation without a JSON schema in conf', () => {
  it('hands conf no schema (nothing for ajv to compile)', () => {
    const seen: StoreOptions[] = [];
    openSettingsStore(dir, (options) => (seen.push(options), confStore(options)));
    expect(seen.length).toBeGreaterThan(0);
    for (const options of seen) expect(Object.keys(options)).not.toContain('schema');
  });

  it('refuses a write with a wrong value before touching the file, and keeps the good ones', () => {
    const { store } = openSettingsStore(dir, confStore);
    store.set({ guildId: '123456789012345678' });
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(() => store.set({ guildId: 'not-an-id' })).toThrow(/guildId/);
    expect(() => store.set({ checkIntervalMinutes: 0 })).toThrow(/checkIntervalMinutes/);
    expect(() => store.set({ highlightKeywords: ['a,b'] })).toThrow(/highlightKeywords/);
    expect(() => store.set({ apiUrl: 'https://user:pw@example.com/api' })).toThrow(/apiUrl/);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(store.store.guildId).toBe('123456789012345678');
    store.set({ checkIntervalMinutes: 1440, highlightKeywords: ['deploy', 'café ☕'] });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ checkIntervalMinutes: 1440, highlightKeywords: ['deploy', 'café ☕'] });
  });

  it.each([
    ['a guild ID that is not one', { guildId: '42' }],
    ['a fractional interval', { checkIntervalMinutes: 2.5 }],
    ['an unknown language', { language: 'xx' }],
    ['a restart method that does not exist', { restartMethod: 'reboot' }],
    ['too many keywords', { highlightKeywords: Array.from({ length: 101 }, (_, i) => `k${i}`) }],
  ])('moves a file holding %s aside at load', (_name, values) => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 2, ...values }));
    const opened = openSettingsStore(dir, confStore);
    expect(opened.notices.map((n) => n.code)).toEqual(['settings-moved-aside']);
    expect(opened.notices[0]!.params.reason).toMatch(new RegExp(Object.keys(values)[0]!));
    expect(opened.store.store.schemaVersion).toBe(2);
  });
});
