// Invariant 5 at the core's boundary: bad settings get a clear error, change nothing, and never echo a password.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';

let world: World;
let core: Core;

afterEach(async () => {
  await core.shutdown();
  await world.close();
});

const PASSWORD = 'hunter2-secret-password';

it('an API URL with a user name or password is refused, not stored, and never echoed', async () => {
  world = await createWorld();
  // No DISCORD_API_URL: the field is the user's to edit.
  core = await coreFor(world, { DISCORD_API_URL: '' });
  const before = core.settings.view();
  const reply = await core.dispatch('settings.save', { apiUrl: `http://user:${PASSWORD}@127.0.0.1:9/api` });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { apiUrl: expect.stringMatching(/user name or password/) } } });
  expect(JSON.stringify(reply)).not.toContain(PASSWORD);
  const view = await core.dispatch('settings.get');
  expect(view).toEqual({ ok: true, value: before });
  expect(JSON.stringify(view)).not.toContain(PASSWORD);
  expect(readFileSync(core.settings.file, 'utf8')).not.toContain(PASSWORD);
});

it('an upper-case scheme is accepted and stored normalised', async () => {
  world = await createWorld();
  core = await coreFor(world, { DISCORD_API_URL: '' });
  const upper = world.fake.apiUrl.replace(/^http/, 'HTTP');
  const reply = await core.dispatch('settings.save', { apiUrl: `${upper}/` });
  expect(reply).toMatchObject({ ok: true, value: { apiUrl: world.fake.apiUrl } });
});

it('DISCORD_API_URL with a password is ignored with a notice that does not quote it', async () => {
  world = await createWorld();
  core = await coreFor(world, { DISCORD_API_URL: `https://bot:${PASSWORD}@discord.example/api` });
  const view = core.settings.view();
  expect(view.fromEnv.apiUrl).toBeUndefined();
  expect(JSON.stringify(view)).not.toContain(PASSWORD);
  const notices = JSON.stringify(core.settings.notices);
  expect(notices).toMatch(/DISCORD_API_URL ignored: must not contain a user name or password/);
  expect(notices).not.toContain(PASSWORD);
});

it.each([
  ['guildId', '18446744073709551616'],
  ['channelId', '99999999999999999999'],
  ['updateBranch', 'HEAD'],
  ['updateBranch', 'x.lock'],
  ['updateBranch', '/'],
])('settings.save refuses %s = %s and changes nothing', async (field, value) => {
  world = await createWorld();
  core = await coreFor(world, { DISCORD_API_URL: '' });
  const file = readFileSync(core.settings.file, 'utf8');
  const reply = await core.dispatch('settings.save', { [field]: value });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { [field]: expect.any(String) } } });
  expect(readFileSync(core.settings.file, 'utf8')).toBe(file);
});
