// Discord announces an unavailable server (an outage on its side) in READY and sends its GUILD_CREATE
// when it is back (docs/events/gateway-events, Guild Create, scenario 1); no bound is documented, and
// discord.js stops waiting for it after 15 s by default (the app tells it 5). The app then found no
// channel and stopped for good ("Channel … was not found on undefined"): it waits on the same session
// and says why (outside review).
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, TOKEN, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

it('a server sent 9 s after READY: "not sent yet, waiting" said within seconds, then connected on the same session', { timeout: 60_000 }, async () => {
  world.fake.lazyGuild(world.guildId, 9_000);
  core = await coreFor(world, configuredEnv(world));
  // discord.js waits 15 s for a server by default: told to wait 5, the reason comes well before the server.
  const waiting = nextEvent(core, 'bot.status', (s) => /not sent the server/.test(s.sentence), 8_000);
  const connected = nextEvent(core, 'bot.status', (s) => s.state === 'connected', 40_000);
  await core.monitor.start();
  const said = await waiting;
  expect(said.state).toBe('connecting');
  // Not called an outage: Discord announced none (a slow start gives the same silence).
  expect(said.sentence).toMatch(/Discord has not sent the server .* yet \(a slow start, or an outage on its side\)/);
  await connected;
  expect(core.monitor.isRunning()).toBe(true);
  expect(world.fake.identifyCount(TOKEN)).toBe(1);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  const seen = nextEvent(core, 'message.created', (m) => m.content === 'after the outage');
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'after the outage' });
  await seen;
});

it('a server Discord says is in an outage at login (GUILD_DELETE unavailable): said at once as an outage, connected when it is back', { timeout: 30_000 }, async () => {
  world.fake.guildOutage(world.guildId);
  core = await coreFor(world, configuredEnv(world));
  const began = Date.now();
  const waiting = nextEvent(core, 'bot.status', (s) => /unavailable/.test(s.sentence), 4_000);
  await core.monitor.start();
  const said = await waiting;
  expect(said.sentence).toMatch(/Discord says the server .* is unavailable \(an outage on Discord’s side\)/);
  expect(Date.now() - began).toBeLessThan(4_000);
  const connected = nextEvent(core, 'bot.status', (s) => s.state === 'connected', 10_000);
  world.fake.guildOutage(world.guildId, true);
  await connected;
  expect(world.fake.identifyCount(TOKEN)).toBe(1);
});

it('a stop while it waits for the server ends the session at once', { timeout: 60_000 }, async () => {
  world.fake.lazyGuild(world.guildId, 40_000);
  core = await coreFor(world, configuredEnv(world));
  const waiting = nextEvent(core, 'bot.status', (s) => /not sent the server/.test(s.sentence), 8_000);
  await core.monitor.start();
  await waiting;
  const began = Date.now();
  await core.monitor.stop();
  expect(world.fake.liveSessions(TOKEN)).toBe(0);
  expect(Date.now() - began).toBeLessThan(5_000);
  expect(core.monitor.status().state).toBe('ready');
});
