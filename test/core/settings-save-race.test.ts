// Saves racing readers and each other: the stored token never pairs with a new API URL, and after
// concurrent saves the token in use is the one on disk.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { startRecorder, type Recorder } from '../helpers/recorder.js';
import { coreFor, createWorld, TOKEN, type World } from '../helpers/world.js';

const NEW_TOKEN = 'attacker-typed.token-000000000000000';

let world: World;
let core: Core;
let recorder: Recorder;

beforeEach(async () => {
  world = await createWorld();
  recorder = await startRecorder();
  core = await coreFor(world, { DISCORD_API_URL: '' });
  const saved = await core.dispatch('settings.save', { token: TOKEN, guildId: world.guildId, channelId: world.channelId, apiUrl: world.fake.apiUrl });
  expect(saved.ok).toBe(true);
});

afterEach(async () => {
  await core.shutdown();
  await world.close();
  await recorder.close();
});

const tokenFile = () => readFileSync(join(world.dataDir, 'token'), 'utf8').trim();

it('a test sent right after saving a new URL and token never carries the old token there', async () => {
  for (let round = 0; round < 4; round++) {
    const url = `${recorder.url}?round=${round}`.replace('?round=', `/r${round}`);
    const save = core.dispatch('settings.save', { apiUrl: url, token: `${NEW_TOKEN}${round}` });
    const test = core.dispatch('settings.testConnection');
    expect((await save).ok).toBe(true);
    await test;
    // Back to the real server and token for the next round.
    expect((await core.dispatch('settings.save', { apiUrl: world.fake.apiUrl, token: TOKEN })).ok).toBe(true);
  }
  for (const headers of recorder.seen) expect(JSON.stringify(headers)).not.toContain(TOKEN);
});

it('a save whose token cannot be stored changes nothing, URL included', async () => {
  // A directory where the token's file should go: the write fails whatever temp name is used.
  rmSync(join(world.dataDir, 'token'));
  mkdirSync(join(world.dataDir, 'token'));
  const reply = await core.dispatch('settings.save', { apiUrl: recorder.url, token: NEW_TOKEN, channelId: world.otherChannelId });
  expect(reply.ok).toBe(false);
  const view = await core.dispatch('settings.get');
  expect(view).toMatchObject({ ok: true, value: { apiUrl: world.fake.apiUrl, channelId: world.channelId, token: { last4: TOKEN.slice(-4) } } });
});

it('a save the settings file refuses keeps the old token, in memory and on disk', async () => {
  writeFileSync(join(world.dataDir, 'settings.json'), '{"guildId": ');
  const reply = await core.dispatch('settings.save', { token: NEW_TOKEN, channelId: world.otherChannelId });
  expect(reply.ok).toBe(false);
  expect(tokenFile()).toBe(TOKEN);
  const view = await core.dispatch('settings.get');
  expect(view).toMatchObject({ ok: true, value: { token: { last4: TOKEN.slice(-4) } } });
});

it('concurrent saves with tokens both succeed and leave memory equal to the token file', async () => {
  for (let round = 0; round < 5; round++) {
    const a = core.dispatch('settings.save', { token: `${NEW_TOKEN}A${round}`, channelId: world.otherChannelId });
    const b = core.dispatch('settings.save', { token: `${NEW_TOKEN}B${round}` });
    const replies = await Promise.all([a, b]);
    expect(replies.map((r) => r.ok)).toEqual([true, true]);
    const view = await core.dispatch('settings.get');
    expect(view).toMatchObject({ ok: true, value: { channelId: world.otherChannelId, token: { last4: tokenFile().slice(-4) } } });
    expect(tokenFile()).toBe(`${NEW_TOKEN}B${round}`);
  }
});

it('a URL change queued behind a token save is checked against what that save leaves', async () => {
  // The first save pairs a newly typed token with another URL; the second moves the URL back without
  // typing the token again. Checked when it runs (not when it was sent), it must be refused: the token
  // just stored belongs to the first save's URL only.
  const first = core.dispatch('settings.save', { apiUrl: recorder.url, token: NEW_TOKEN });
  const second = core.dispatch('settings.save', { apiUrl: world.fake.apiUrl });
  expect((await first).ok).toBe(true);
  const reply = await second;
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  const view = await core.dispatch('settings.get');
  expect(view).toMatchObject({ ok: true, value: { apiUrl: recorder.url, token: { last4: NEW_TOKEN.slice(-4) } } });
});
