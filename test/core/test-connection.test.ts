// Invariant 4 through settings.testConnection: the stored token only ever goes to the effective API URL.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { startRecorder, type Recorder } from '../helpers/recorder.js';
import { coreFor, createWorld, TOKEN, type World } from '../helpers/world.js';

const OTHER_TOKEN = 'other.bot-token.abcdefghij-0123456789';

let world: World;
let core: Core;
let recorder: Recorder;
let second: FakeDiscord | null = null;

beforeEach(async () => {
  world = await createWorld();
  recorder = await startRecorder();
});

afterEach(async () => {
  await core.shutdown();
  await world.close();
  await recorder.close();
  await second?.close();
  second = null;
});

const neverSawStoredToken = () => {
  for (const headers of recorder.seen) expect(JSON.stringify(headers)).not.toContain(TOKEN);
};

/** The stored token and the fake's URL saved by the user (nothing set by the environment). */
async function savedCore(): Promise<Core> {
  const c = await coreFor(world, { DISCORD_API_URL: '' });
  const saved = await c.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId, apiUrl: world.fake.apiUrl });
  expect(saved.ok).toBe(true);
  return c;
}

it('another API URL without a token in the candidate is refused, and that server sees nothing', async () => {
  core = await savedCore();
  const reply = await core.dispatch('settings.testConnection', { apiUrl: recorder.url });
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', message: expect.stringMatching(/Enter the bot token to test against http:\/\/127\.0\.0\.1:\d+\/api/), fields: { token: expect.any(String) } },
  });
  expect(recorder.seen).toEqual([]);
});

it('another API URL with a pasted token gets that token only, never the stored one', async () => {
  core = await savedCore();
  const reply = await core.dispatch('settings.testConnection', { apiUrl: recorder.url, token: OTHER_TOKEN });
  expect(reply).toMatchObject({ ok: true, value: { ok: false, error: { code: 'invalid-token' } } });
  expect(recorder.seen.length).toBeGreaterThan(0);
  expect(recorder.seen.map((h) => h.authorization)).toEqual(recorder.seen.map(() => `Bot ${OTHER_TOKEN}`));
  neverSawStoredToken();
});

it('with DISCORD_API_URL set, another API URL is refused naming the variable, even with a token', async () => {
  core = await coreFor(world, { DISCORD_API_URL: world.fake.apiUrl });
  await core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId });
  for (const candidate of [{ apiUrl: recorder.url }, { apiUrl: recorder.url, token: OTHER_TOKEN }]) {
    const reply = await core.dispatch('settings.testConnection', candidate);
    expect(reply).toMatchObject({ ok: false, error: { code: 'overridden', message: expect.stringContaining('DISCORD_API_URL'), fields: { apiUrl: expect.stringContaining('DISCORD_API_URL') } } });
  }
  expect(recorder.seen).toEqual([]);
});

it('an environment-set server ID cannot be swapped for another one in a test', async () => {
  core = await coreFor(world, { DISCORD_GUILD_ID: world.guildId });
  await core.dispatch('settings.save', { token: TOKEN, channelId: world.channelId });
  const reply = await core.dispatch('settings.testConnection', { guildId: '123456789012345678' });
  expect(reply).toMatchObject({ ok: false, error: { code: 'overridden', fields: { guildId: expect.stringContaining('DISCORD_GUILD_ID') } } });
  // The same value as the environment's is no change: tested as usual.
  const same = await core.dispatch('settings.testConnection', { guildId: world.guildId });
  expect(same).toMatchObject({ ok: true, value: { ok: true } });
});

it('the effective API URL, however it is spelled, still uses the stored token', async () => {
  core = await savedCore();
  for (const apiUrl of [world.fake.apiUrl, `${world.fake.apiUrl.replace(/^http/, 'HTTP')}/`, undefined]) {
    const reply = await core.dispatch('settings.testConnection', apiUrl === undefined ? {} : { apiUrl });
    expect(reply).toMatchObject({ ok: true, value: { ok: true, bot: { id: world.botId }, channel: { id: world.channelId } } });
  }
});

it('a new token and a new API URL pasted together are tested against that server', async () => {
  core = await savedCore();
  second = await startFakeDiscord();
  const bot = second.addBot({ token: OTHER_TOKEN, username: 'Second Bot' });
  const guild = second.addGuild({ name: 'Elsewhere', channels: [{ name: 'news' }], members: [bot.id] });
  const reply = await core.dispatch('settings.testConnection', {
    token: OTHER_TOKEN,
    apiUrl: second.apiUrl,
    guildId: guild.id,
    channelId: guild.channels[0]!.id,
  });
  expect(reply).toMatchObject({ ok: true, value: { ok: true, bot: { username: 'Second Bot' }, guild: { name: 'Elsewhere' }, channel: { name: 'news' } } });
});

// The same leak through settings.save: a saved URL is where the next bot.start sends the token.
it('saving another API URL needs the token typed again; the stored one never follows the URL', async () => {
  core = await savedCore();
  const refused = await core.dispatch('settings.save', { apiUrl: recorder.url });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/enter the bot token again/i), fields: { token: expect.any(String) } } });
  expect(core.settings.view().apiUrl).toBe(world.fake.apiUrl);
  // The same URL spelled differently is no change.
  expect(await core.dispatch('settings.save', { apiUrl: `${world.fake.apiUrl.toUpperCase().replace('/API', '/api')}/` })).toMatchObject({ ok: true });

  expect(await core.dispatch('settings.save', { apiUrl: recorder.url, token: OTHER_TOKEN })).toMatchObject({ ok: true, value: { apiUrl: recorder.url } });
  const failed = await core.dispatch('settings.testConnection');
  expect(failed).toMatchObject({ ok: true, value: { ok: false, error: { code: 'invalid-token' } } });
  expect(recorder.seen.length).toBeGreaterThan(0);
  neverSawStoredToken();
  // Clearing the token while moving the URL sends nothing anywhere.
  expect(await core.dispatch('settings.save', { apiUrl: world.fake.apiUrl, token: null })).toMatchObject({ ok: true });
});

it('with the token set by DISCORD_TOKEN, the API URL cannot move from the panel', async () => {
  core = await coreFor(world, { DISCORD_API_URL: '', DISCORD_TOKEN: TOKEN });
  for (const patch of [{ apiUrl: recorder.url }, { apiUrl: recorder.url, token: TOKEN }]) {
    const reply = await core.dispatch('settings.save', patch);
    expect(reply).toMatchObject({ ok: false, error: { code: 'overridden', fields: { apiUrl: expect.stringContaining('DISCORD_TOKEN') } } });
  }
  expect(core.settings.view().apiUrl).toBe('https://discord.com/api');
});
