// The IDENTIFY budget remembered across runs (identify-gate.json) belongs to the bot it was read for:
// a data folder moved to another bot's token was refused with the first bot's "5 sessions left".
// The other bot's own figure comes from Discord (GET /gateway/bot) as always.
import { describe, expect, it } from 'vitest';
import { configuredEnv, coreFor, eachWorld, startConnected, TOKEN, waitState, type World } from '../helpers/world.js';
import type { Core } from '../../electron/core/app-core.js';
import { botKey } from '../../electron/core/bot/identify-memory.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });
const OTHER = 'other.bot-token.9876543210-zyxwvutsrq';

describe('the remembered session-start budget', { timeout: 30_000 }, () => {
  it("is one bot's: another bot's token on the same folder connects, the first is still refused", async () => {
    const other = world.fake.addBot({ token: OTHER, username: 'Other Bot' });
    const home = world.fake.addGuild({ name: "Other's server", channels: [{ name: 'logs' }], members: [other.id] });
    world.fake.setSessionStartLimit(TOKEN, { remaining: 5, resetAfterMs: 20 * 3600_000 });
    core = await coreFor(world, configuredEnv(world));
    const refused = waitState(core, 'error');
    await core.monitor.start();
    expect((await refused).sentence).toMatch(/5 more new sessions/);
    await core.shutdown();

    core = await coreFor(world, { DISCORD_TOKEN: OTHER, DISCORD_GUILD_ID: home.id, DISCORD_CHANNEL_ID: home.channels[0]!.id });
    await startConnected(core);
    expect(world.fake.liveSessions(OTHER)).toBe(1);
    await core.shutdown();

    core = await coreFor(world, configuredEnv(world));
    const again = waitState(core, 'error');
    await core.monitor.start();
    expect((await again).sentence).toMatch(/5 more new sessions/);
    expect(world.fake.identifyCount(TOKEN)).toBe(0);
  });
});

it("a bot's key: its user id from the token's first part (the same after a token reset), else a digest that is not the token", () => {
  const id = '123456789012345678';
  const first = Buffer.from(id).toString('base64').replace(/=+$/, '');
  expect(botKey(`${first}.GAbcde.one-secret-part`)).toBe(`user:${id}`);
  expect(botKey(`${first}.GXyz12.another-secret-part`)).toBe(`user:${id}`);
  expect(botKey(TOKEN)).toMatch(/^token:[0-9a-f]{16}$/);
  expect(botKey(TOKEN)).not.toBe(botKey(OTHER));
  for (const part of TOKEN.split('.')) expect(botKey(TOKEN)).not.toContain(part);
});
