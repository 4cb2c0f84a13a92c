// Each failure the user can meet says what happened and what to do, and does not loop.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { classifyLoginError } from '../../electron/core/bot/errors.js';
import { configuredEnv, coreFor, createWorld, recordEvents, TOKEN, waitState, type World, eachWorld } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

async function failWith(env: NodeJS.ProcessEnv) {
  core ??= await coreFor(world, env);
  const failed = waitState(core, 'error');
  await core.monitor.start();
  const status = await failed;
  expect(core.monitor.isRunning()).toBe(false);
  return status;
}

describe('actionable errors', () => {
  it('gateway close 4004: invalid token, no retry loop', async () => {
    world.fake.setIdentifyClose(TOKEN, 4004);
    const status = await failWith(configuredEnv(world));
    expect(status.error).toMatchObject({ code: 'invalid-token' });
    expect(status.error?.hint).toMatch(/Reset Token/);
    expect(world.fake.identifyCount(TOKEN)).toBe(1);
  });

  it('REST 401: a token Discord does not know is invalid', async () => {
    const status = await failWith({ ...configuredEnv(world), DISCORD_TOKEN: 'unknown.token.abcdefghijklmnopqrstu' });
    expect(status.error?.code).toBe('invalid-token');
  });

  it('gateway close 4014: says where to enable the Message Content intent', async () => {
    world.fake.setIdentifyClose(TOKEN, 4014);
    const status = await failWith(configuredEnv(world));
    expect(status.error?.code).toBe('missing-intent');
    expect(status.error?.hint).toMatch(/Privileged Gateway Intents → Message Content Intent/);
  });

  it('application flags without the intent: the same clear error', async () => {
    await world.close();
    world = await createWorld({ applicationFlags: 0 });
    const status = await failWith(configuredEnv(world));
    expect(status.error?.code).toBe('missing-intent');
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
  });

  it('guild the bot is not in: invite link with the bot id', async () => {
    const status = await failWith({ ...configuredEnv(world), DISCORD_GUILD_ID: '123456789012345678' });
    expect(status.error?.code).toBe('guild-not-found');
    expect(status.error?.link).toMatch(/oauth2\/authorize\?client_id=\d+&scope=bot&permissions=66560/);
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 2000);
  });

  it('missing channel and non-text channel', async () => {
    let status = await failWith(configuredEnv(world, '123456789012345678'));
    expect(status.error?.code).toBe('channel-not-found');
    await core!.shutdown();
    core = null;
    status = await failWith(configuredEnv(world, world.voiceId));
    expect(status.error).toMatchObject({ code: 'channel-not-text', message: '#Lounge is a voice channel, not a text channel.' });
  });

  // Issue 8 item 3: each of these used to log "Connection to Discord lost — resuming the session…"
  // and show a resuming status first, because closing the client looked like a lost connection.
  it.each([
    ['guild-not-found', () => ({ ...configuredEnv(world), DISCORD_GUILD_ID: '123456789012345678' })],
    ['channel-not-found', () => configuredEnv(world, '123456789012345678')],
    ['channel-not-text', () => configuredEnv(world, world.voiceId)],
    ['missing-intent', () => configuredEnv(world)],
  ] as const)('%s: no "connection lost" warning or resuming status before the real error', async (code, env) => {
    if (code === 'missing-intent') {
      await world.close();
      world = await createWorld({ applicationFlags: 0 });
    }
    core = await coreFor(world, env());
    const seen = recordEvents(core);
    const status = await failWith(env());
    expect(status.error?.code).toBe(code);
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 2000);
    const said = seen.map(({ event, payload }) => (event === 'log.entry' ? (payload as { message: string }).message : event === 'bot.status' ? (payload as { sentence: string }).sentence : ''));
    expect(said.filter((t) => /resum|lost|closed the connection/i.test(t))).toEqual([]);
  });

  it('not configured: start says so and opens nothing', async () => {
    core = await coreFor(world, {});
    const status = await core.monitor.start();
    expect(status.state).toBe('not-configured');
    expect(world.fake.identifyCount(TOKEN)).toBe(0);
  });
});

describe('error classification', () => {
  // A refused connection to port 40123 was reported as "Discord rejected the bot token" (401 inside the port).
  it('a network error whose text holds 401 or 4014 inside a port number stays a network error', () => {
    for (const port of [40123, 14014, 44004]) {
      const err = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED' });
      expect(classifyLoginError(err, 1)).toMatchObject({ error: { code: 'network' }, retry: true });
    }
    expect(classifyLoginError(new Error('Request failed with status 401'), 1).error.code).toBe('invalid-token');
  });
});

describe('test connection (REST only, never a second gateway session)', () => {
  it('reports bot, guild and channel names while monitoring runs', async () => {
    core = await coreFor(world, configuredEnv(world));
    const connected = waitState(core, 'connected');
    await core.monitor.start();
    await connected;
    const reply = await core.dispatch('settings.testConnection', undefined);
    expect(reply).toEqual({
      ok: true,
      value: {
        ok: true,
        bot: { id: world.botId, username: 'Monitor Bot' },
        guild: { id: world.guildId, name: 'Home Lab' },
        channel: { id: world.channelId, name: 'general' },
      },
    });
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('reports the precise problem for unsaved candidate values', async () => {
    // Saved, not set by the environment: an environment-set value cannot be swapped in a test.
    core = await coreFor(world, {});
    await core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
    const bad = await core.dispatch('settings.testConnection', { channelId: world.voiceId });
    expect(bad.ok && bad.value).toMatchObject({ ok: false, error: { code: 'channel-not-text' } });
    const token = await core.dispatch('settings.testConnection', { token: 'unknown.token.abcdefghijklmnopqrstu' });
    expect(token.ok && token.value).toMatchObject({ ok: false, error: { code: 'invalid-token' } });
    expect(world.fake.identifyCount(TOKEN)).toBe(0);
  });
});
