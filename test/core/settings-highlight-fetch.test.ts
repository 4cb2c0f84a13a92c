// The highlight keywords and FETCH_* settings: a 3.0-era settings.json keeps working with their
// defaults, the panel's values are validated, and the environment overrides them (or is ignored and said).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachHeadlessCore } from '../helpers/headless-core.js';

const GUILD = '123456789012345678';
const CHANNEL = '234567890123456789';
const harness = eachHeadlessCore('dm-settings-hf-');
const open = harness.open;
const settingsFile = () => join(harness.dir(), 'settings.json');
const asideFiles = () => readdirSync(harness.dir()).filter((f) => f.startsWith('settings.corrupt-'));

describe('a 3.0-era settings.json', () => {
  it('opens with its values kept and the new settings at their defaults', async () => {
    // What 3.0 wrote: version 2, the panel's access token inline, no backup, keyword or fetch keys.
    const v30 = {
      schemaVersion: 2,
      guildId: GUILD,
      channelId: CHANNEL,
      apiUrl: 'https://discord.com/api',
      autoStartBot: false,
      startHidden: false,
      autoUpdateEnabled: true,
      updateBranch: 'main',
      autoRestartService: false,
      restartMethod: 'auto',
      checkIntervalMinutes: 15,
      headlessAccessToken: 'old-access-token_0123456789abcdefghij',
    };
    writeFileSync(settingsFile(), JSON.stringify(v30, null, '\t'));
    const c = await open();
    expect(asideFiles()).toEqual([]);
    expect(c.settings.view()).toMatchObject({
      guildId: GUILD,
      updateBranch: 'main',
      checkIntervalMinutes: 15,
      autoStartBot: false,
      highlightKeywords: [],
      fetchMode: 'recent',
      fetchLimit: '1000',
      fetchPeriod: '7d',
    });
    // It can be saved to at once.
    const reply = await c.dispatch('settings.save', { highlightKeywords: ['deploy'], fetchMode: 'history' });
    expect(reply.ok).toBe(true);
    const stored = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ guildId: GUILD, checkIntervalMinutes: 15, highlightKeywords: ['deploy'], fetchMode: 'history' });
  });

  it('a hand-edited keyword list that breaks the bounds is moved aside, like any invalid file', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 2, guildId: GUILD, highlightKeywords: ['ok', 'bad\u0007bell'] }));
    const c = await open();
    expect(asideFiles()).toHaveLength(1);
    expect(c.settings.view().highlightKeywords).toEqual([]);
  });
});

describe('highlight keywords', () => {
  it('are saved trimmed, duplicates (ignoring case) dropped', async () => {
    const c = await open();
    const reply = await c.dispatch('settings.save', { highlightKeywords: [' Deploy ', 'on call', 'DEPLOY', 'c++'] });
    expect(reply.ok && reply.value.highlightKeywords).toEqual(['Deploy', 'on call', 'c++']);
  });

  it('are refused beyond the bounds, changing nothing', async () => {
    const c = await open();
    await c.dispatch('settings.save', { highlightKeywords: ['keep'] });
    const before = readFileSync(settingsFile(), 'utf8');
    for (const bad of [
      ['tab\tinside'],
      ['line\nbreak'],
      ['a,b'],
      [''],
      ['x'.repeat(65)],
      Array.from({ length: 51 }, (_, i) => `k${i}`),
      'deploy',
    ]) {
      const reply = await c.dispatch('settings.save', { highlightKeywords: bad });
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('invalid-input');
    }
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
    expect(c.settings.view().highlightKeywords).toEqual(['keep']);
  });

  it('HIGHLIGHT_KEYWORDS (comma-separated) overrides them and locks the field', async () => {
    const c = await open({ HIGHLIGHT_KEYWORDS: 'deploy, on call ,, Deploy' });
    const view = c.settings.view();
    expect(view.highlightKeywords).toEqual(['deploy', 'on call']);
    expect(view.fromEnv.highlightKeywords).toBe('HIGHLIGHT_KEYWORDS');
    // The panel sends the same list back with other changes: not a change of the locked value.
    expect((await c.dispatch('settings.save', { highlightKeywords: ['deploy', 'on call'], guildId: GUILD })).ok).toBe(true);
    expect(await c.dispatch('settings.save', { highlightKeywords: ['other'] })).toMatchObject({
      ok: false,
      error: { code: 'overridden', fields: { highlightKeywords: /HIGHLIGHT_KEYWORDS/ } },
    });
  });

  it('an invalid HIGHLIGHT_KEYWORDS is ignored and said, never echoed', async () => {
    const c = await open({ HIGHLIGHT_KEYWORDS: `ok,${'y'.repeat(80)}` });
    const said = c.settings.notices.filter((n) => n.code === 'environment-ignored').map((n) => n.message);
    expect(said).toEqual(['HIGHLIGHT_KEYWORDS ignored: must be at most 64 characters.']);
    expect(c.settings.view().highlightKeywords).toEqual([]);
    expect(c.settings.view().fromEnv).toEqual({});
  });
});

describe('fetch settings', () => {
  it('take only the original values; the environment reads them in any case', async () => {
    const c = await open({ FETCH_MODE: 'History', FETCH_PERIOD: '30D' });
    expect(c.settings.view()).toMatchObject({ fetchMode: 'history', fetchPeriod: '30d', fetchLimit: '1000' });
    expect((await c.dispatch('settings.save', { fetchLimit: '10000' })).ok).toBe(true);
    for (const bad of [{ fetchLimit: '500' }, { fetchLimit: 100 }, { fetchPeriod: '1y' }, { fetchMode: 'all' }]) {
      const reply = await c.dispatch('settings.save', bad);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(c.settings.view().fetchLimit).toBe('10000');
  });
});
