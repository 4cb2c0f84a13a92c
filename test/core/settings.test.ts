// Settings: validation at the boundary, environment overrides, migrations, corruption, token handling.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvOverrides } from '../../electron/core/settings/env.js';
import { eachHeadlessCore } from '../helpers/headless-core.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.settings.test-token_xyz';
const GUILD = '123456789012345678';
const CHANNEL = '234567890123456789';
const harness = eachHeadlessCore('dm-settings-');
const open = harness.open;

describe('settings.save', () => {
  it('saves valid values; the token goes to a 0600 file, never to settings.json or the view', async () => {
    const c = await open();
    const reply = await c.dispatch('settings.save', { token: TOKEN, guildId: GUILD, channelId: CHANNEL });
    expect(reply.ok).toBe(true);
    const view = reply.ok ? reply.value : null;
    expect(view).toMatchObject({ configured: true, guildId: GUILD, token: { set: true, last4: '_xyz', source: 'stored', encrypted: false } });
    expect(view?.token.warning).toMatch(/without encryption/);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(readFileSync(join(harness.dir(), 'settings.json'), 'utf8')).not.toContain(TOKEN);
    expect(readFileSync(join(harness.dir(), 'token'), 'utf8')).toBe(TOKEN);
    expect(statSync(join(harness.dir(), 'token')).mode & 0o777).toBe(0o600);
    expect(c.monitor.status().state).toBe('ready');
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const c = await open();
    await c.dispatch('settings.save', { guildId: GUILD });
    const before = readFileSync(join(harness.dir(), 'settings.json'), 'utf8');
    for (const bad of [
      { channelId: '12ab' },
      { guildId: GUILD.slice(0, 10) },
      { apiUrl: 'ftp://example.com' },
      { checkIntervalMinutes: 0 },
      { token: 'short' },
      { unknownField: true },
      'not an object',
    ]) {
      const reply = await c.dispatch('settings.save', bad);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('invalid-input');
    }
    const reply = await c.dispatch('settings.save', { channelId: '12ab', guildId: '234567890123456780' });
    expect(!reply.ok && reply.error.fields?.channelId).toMatch(/17 to 20 digits/);
    expect(readFileSync(join(harness.dir(), 'settings.json'), 'utf8')).toBe(before);
    expect(existsSync(join(harness.dir(), 'token'))).toBe(false);
  });

  it('unknown commands and malformed arguments get a typed error', async () => {
    const c = await open();
    expect(await c.dispatch('bot.explode', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await c.dispatch('__proto__.x', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await c.dispatch('bot.start', { force: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await c.dispatch('messages.list', { limit: 100000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses commands that change things while an update runs', async () => {
    const c = await open();
    c.setBusy('An update is in progress.');
    expect(await c.dispatch('bot.start', undefined)).toMatchObject({ ok: false, error: { code: 'busy', message: /update is in progress/ } });
    expect(await c.dispatch('settings.save', { guildId: GUILD })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect((await c.dispatch('bot.status', undefined)).ok).toBe(true);
  });
});

describe('environment overrides', () => {
  it('environment beats .env beats stored values, and the view says where each came from', async () => {
    writeFileSync(join(harness.dir(), '.env'), `DISCORD_GUILD_ID=${GUILD}\nDISCORD_CHANNEL_ID=${CHANNEL}\nAUTO_RESTART_SERVICE=False\n`);
    const c = await open({ DISCORD_TOKEN: TOKEN, DISCORD_CHANNEL_ID: '345678901234567890' });
    const view = c.settings.view();
    expect(view).toMatchObject({ guildId: GUILD, channelId: '345678901234567890', autoRestartService: false, configured: true });
    expect(view.fromEnv).toEqual({
      token: 'DISCORD_TOKEN',
      guildId: 'DISCORD_GUILD_ID (.env)',
      channelId: 'DISCORD_CHANNEL_ID',
      autoRestartService: 'AUTO_RESTART_SERVICE (.env)',
    });
    expect(view.token).toMatchObject({ source: 'environment', last4: '_xyz', warning: null });
    const reply = await c.dispatch('settings.save', { channelId: CHANNEL });
    expect(reply).toMatchObject({ ok: false, error: { code: 'overridden', fields: { channelId: /DISCORD_CHANNEL_ID/ } } });
  });

  it('invalid environment values are ignored with a message that never echoes them', () => {
    const result = readEnvOverrides({ DISCORD_TOKEN: 'bad token with spaces!!', AUTO_UPDATE_ENABLED: 'maybe' }, harness.dir());
    expect(result.values).toEqual({});
    expect(result.problems.join(' ')).toMatch(/DISCORD_TOKEN ignored/);
    expect(result.problems.join(' ')).toMatch(/AUTO_UPDATE_ENABLED ignored: must be True or False/);
    expect(result.problems.join(' ')).not.toContain('bad token');
  });
});

describe('files on disk', () => {
  it('migrates a version 1 file: the inline token moves to the secret store', async () => {
    writeFileSync(join(harness.dir(), 'settings.json'), JSON.stringify({ token: TOKEN, guildId: GUILD, channelId: CHANNEL, autoRestartService: 'False' }));
    const c = await open();
    const stored = JSON.parse(readFileSync(join(harness.dir(), 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ schemaVersion: 2, guildId: GUILD, autoRestartService: false });
    expect(stored.token).toBeUndefined();
    expect(readFileSync(join(harness.dir(), 'token'), 'utf8')).toBe(TOKEN);
    expect(c.settings.view()).toMatchObject({ configured: true, token: { set: true } });
    expect(c.settings.notices.map((n) => n.message).join(' ')).toMatch(/upgraded from version 1 to 2/);
  });

  it('a corrupted settings file is moved aside with a clear message, not discarded', async () => {
    writeFileSync(join(harness.dir(), 'settings.json'), '{"guildId": "1234', 'utf8');
    const c = await open();
    const aside = readdirSync(harness.dir()).find((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(harness.dir(), aside!), 'utf8')).toBe('{"guildId": "1234');
    expect(c.settings.notices.map((n) => n.message).join(' ')).toMatch(/moved to .*settings\.corrupt-.*Re-enter your settings/);
    expect(c.log.recent().some((e) => e.level === 'warn' && /moved to/.test(e.message))).toBe(true);
    expect(c.settings.view().guildId).toBe('');
  });

  it('a file that breaks the schema is moved aside too', async () => {
    writeFileSync(join(harness.dir(), 'settings.json'), JSON.stringify({ schemaVersion: 2, guildId: 'abc' }));
    const c = await open();
    expect(readdirSync(harness.dir()).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
    expect(c.settings.view().guildId).toBe('');
  });
});

describe('start on login', () => {
  it('headless mode has none and says what to use instead', async () => {
    const c = await open();
    expect(await c.dispatch('app.startOnLogin')).toEqual({ ok: true, value: { supported: false, enabled: false } });
    expect(await c.dispatch('app.setStartOnLogin', { enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: /service manager/ },
    });
  });

  it('with the desktop port: applies, reports, and tells listeners (the tray)', async () => {
    let enabled = false;
    const core = await open({}, { mode: 'electron', loginItem: { isEnabled: () => enabled, setEnabled: (v) => void (enabled = v) } });
    let changed = 0;
    core.bus.on('settings.changed', () => changed++);
    expect(await core.dispatch('app.setStartOnLogin', { enabled: true })).toEqual({ ok: true, value: { supported: true, enabled: true } });
    expect(enabled).toBe(true);
    expect(changed).toBe(1);
    expect(await core.dispatch('app.setStartOnLogin', { enabled: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(enabled).toBe(true);
  });
});
