// settings.json that is not what we wrote (a list, a number, wrong types, any JSON at all), the panel's
// access token in its own file, and notices that stay in the panel until dismissed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { Settings } from '../../electron/core/settings/settings.js';
import { confStore } from '../../electron/headless/run.js';
import type { Notice } from '../../shared/types.js';

const GUILD = '123456789012345678';
let dir: string;
const cores: Core[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-settings-files-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const open = async (dataDir = dir) => {
  const core = await createCore({
    paths: { dataDir, logDir: join(dataDir, 'logs'), appDir: dataDir },
    secrets: new FileSecretBox(join(dataDir, 'token')),
    storeFactory: confStore,
    env: {},
    mode: 'headless',
  });
  cores.push(core);
  return core;
};
const restart = async (core: Core) => {
  cores.splice(cores.indexOf(core), 1);
  await core.shutdown();
  return open();
};
const settingsFile = () => join(dir, 'settings.json');
const asideFiles = (d = dir) => readdirSync(d).filter((f) => /^settings\.corrupt-.*\.json$/.test(f));
const messages = (core: Core) => core.settings.notices.map((n) => n.message).join('\n');
const notices = async (core: Core) => {
  const reply = await core.dispatch('app.notices');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Notice[];
};

describe('a settings.json that is not an object of settings', () => {
  for (const text of ['[1,2,3]', 'null', '"x"', '42', 'true', '{"guildId": 5}', '{"schemaVersion": 2, "guildId": 5}', '{"schemaVersion": "2"}', '{"schemaVersion": 1.5}']) {
    it(`${text} is moved aside like a corrupt file, never "upgraded"`, async () => {
      writeFileSync(settingsFile(), text);
      const core = await open();
      const aside = asideFiles();
      expect(aside).toHaveLength(1);
      // The user's bytes, untouched, in the moved-aside file.
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
      expect(messages(core)).toMatch(/moved to .*settings\.corrupt-/);
      expect(messages(core)).not.toMatch(/upgraded/);
      if (existsSync(settingsFile())) {
        const stored = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
        expect(Array.isArray(stored)).toBe(false);
        expect(Object.keys(stored)).not.toContain('0');
      }
      expect(core.settings.view().guildId).toBe('');
    });
  }

  it('a hand-written API URL carrying a password is refused at load, never shown or used', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 2, guildId: GUILD, apiUrl: 'http://user:hunter2-secret@127.0.0.1:1/api' }));
    const core = await open();
    expect(JSON.stringify(core.settings.view())).not.toContain('hunter2-secret');
    expect(core.settings.effective().apiUrl).not.toContain('hunter2-secret');
    expect(messages(core)).toMatch(/moved to .*settings\.corrupt-/);
    expect(messages(core)).not.toContain('hunter2-secret');
  });

  it('an empty object is kept with defaults, and is not an "upgrade"', async () => {
    writeFileSync(settingsFile(), '{}');
    const core = await open();
    expect(asideFiles()).toEqual([]);
    expect(messages(core)).toBe('');
    expect(core.settings.view().apiUrl).toBe('https://discord.com/api');
  });

  it('a version 1 file with wrong types keeps the original bytes in the moved-aside file (not the half-migrated one)', async () => {
    const text = JSON.stringify({ guildId: GUILD, checkIntervalMinutes: 'often', autoRestartService: 'False' });
    writeFileSync(settingsFile(), text);
    const core = await open();
    expect(readFileSync(join(dir, asideFiles()[0]!), 'utf8')).toBe(text);
    expect(messages(core)).not.toMatch(/upgraded/);
  });
});

describe('what is said about a corrupt file', () => {
  it('never quotes its content: a 3.0 file held the bot token inline', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.inline-token.abcdefghijklmnop';
    // V8's parse errors quote the text around the error ("MTIzNDU2Nz"... is not valid JSON).
    writeFileSync(settingsFile(), token);
    const core = await open();
    expect(asideFiles()).toHaveLength(1);
    expect(messages(core)).toMatch(/not valid JSON/);
    core.log.flush();
    const said = JSON.stringify({ notices: await notices(core), log: core.log.recent(), file: readFileSync(core.log.file, 'utf8') });
    expect(said).not.toContain(token.slice(0, 8));
  });
});

describe('any JSON in settings.json (property)', () => {
  const known = fc.record(
    {
      schemaVersion: fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue()),
      guildId: fc.oneof(fc.constant(GUILD), fc.constant(''), fc.jsonValue()),
      apiUrl: fc.oneof(fc.constant('https://discord.com/api'), fc.jsonValue()),
      autoStartBot: fc.oneof(fc.boolean(), fc.jsonValue()),
      checkIntervalMinutes: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.jsonValue()),
      headlessAccessToken: fc.oneof(fc.string(), fc.jsonValue()),
      token: fc.oneof(fc.string(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  it('the core opens; the file is kept (and valid) or moved aside byte for byte with a notice', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), known), async (value) => {
        const caseDir = join(dir, `case-${round++}`);
        const text = JSON.stringify(value) ?? 'null';
        const { mkdirSync } = await import('node:fs');
        mkdirSync(caseDir);
        writeFileSync(join(caseDir, 'settings.json'), text);
        const s = await Settings.open({
          dataDir: caseDir,
          appDir: caseDir,
          env: {},
          secrets: new FileSecretBox(join(caseDir, 'token')),
          storeFactory: confStore,
        });
        s.view();
        const aside = asideFiles(caseDir);
        const said = s.notices.map((n) => n.message).join('\n');
        const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
        if (!isObject) expect(aside).toHaveLength(1);
        if (aside.length) {
          expect(readFileSync(join(caseDir, aside[0]!), 'utf8')).toBe(text);
          expect(said).toContain(join(caseDir, aside[0]!));
          expect(said).not.toMatch(/upgraded/);
        }
        const stored = JSON.parse(readFileSync(join(caseDir, 'settings.json'), 'utf8')) as unknown;
        expect(stored !== null && typeof stored === 'object' && !Array.isArray(stored)).toBe(true);
        // The panel's access token never stays in settings.json.
        expect(Object.hasOwn(stored as object, 'headlessAccessToken')).toBe(false);
        rmSync(caseDir, { recursive: true, force: true });
      }),
      { numRuns: 200 },
    );
  });
});

describe("the panel's access token", () => {
  it('lives in its own 0600 file, not in settings.json', async () => {
    const core = await open();
    const token = core.settings.accessToken();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(join(dir, 'access-token'), 'utf8')).toBe(token);
    expect(statSync(join(dir, 'access-token')).mode & 0o777).toBe(0o600);
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain(token);
  });

  it('is moved out of settings.json on first start (3.0 kept it there)', async () => {
    const old = 'old-access-token_0123456789abcdefghij';
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 2, guildId: GUILD, headlessAccessToken: old }));
    const core = await open();
    expect(core.settings.accessToken()).toBe(old);
    expect(readFileSync(join(dir, 'access-token'), 'utf8')).toBe(old);
    const stored = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('headlessAccessToken');
    expect(stored.guildId).toBe(GUILD);
  });

  it('is recovered from a corrupt 3.0 settings.json that still held it', async () => {
    const old = 'old-access-token_0123456789abcdefghij';
    writeFileSync(settingsFile(), `{"schemaVersion": 2, "headlessAccessToken": "${old}", "guildId": "12`);
    const core = await open();
    expect(asideFiles()).toHaveLength(1);
    expect(core.settings.accessToken()).toBe(old);
  });

  it('survives a corrupt settings.json: the bookmarked panel URL keeps working', async () => {
    const core = await open();
    await core.dispatch('settings.save', { guildId: GUILD });
    const token = core.settings.accessToken();
    cores.splice(0);
    await core.shutdown();
    writeFileSync(settingsFile(), '{"guildId": "12');
    const again = await open();
    expect(asideFiles()).toHaveLength(1);
    expect(again.settings.accessToken()).toBe(token);
  });
});

describe('notices in the panel', () => {
  it('a moved-aside settings file is said until dismissed, across restarts', async () => {
    writeFileSync(settingsFile(), '[1,2,3]');
    let core = await open();
    const [notice, ...others] = await notices(core);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ level: 'warn', code: 'settings-moved-aside' });
    expect(notice!.params.path).toBe(join(dir, asideFiles()[0]!));
    expect(notice!.message).toContain(notice!.params.path);

    // Still there after a restart (the file was repaired meanwhile: no second notice).
    core = await restart(core);
    expect((await notices(core)).map((n) => n.id)).toEqual([notice!.id]);

    const changed: Notice[][] = [];
    core.bus.on('notices.changed', (list) => changed.push(list));
    expect(await core.dispatch('app.dismissNotice', { id: notice!.id })).toEqual({ ok: true, value: [] });
    expect(changed).toEqual([[]]);
    // Dismissing again (another tab) changes nothing and is not an error.
    expect(await core.dispatch('app.dismissNotice', { id: notice!.id })).toEqual({ ok: true, value: [] });
    expect(changed).toHaveLength(1);
    expect(await core.dispatch('app.dismissNotice', { id: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    core = await restart(core);
    expect(await notices(core)).toEqual([]);
  });

  it('an unreadable notices file is started afresh, not a crash', async () => {
    writeFileSync(join(dir, 'notices.json'), '{"not": "a list"');
    const core = await open();
    expect(await notices(core)).toEqual([]);
  });
});
