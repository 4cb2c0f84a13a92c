// The give-up raced only the catch-up's pages; the re-read of recent messages (the same route, and the
// first request of a catch-up) was awaited: a long 429 on it held live messages for the whole wait
// (a helper's review of the first version of the give-up).
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, TOKEN, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

it('a long 429 on the catch-up\'s first request (the reconcile): live messages go on meanwhile', { timeout: 60_000 }, async () => {
  core = await coreFor(world, configuredEnv(world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, rateLimitReleaseMs: 2_000 } });
  const c = core;
  world.fake.postBacklog(world.channelId, [world.userId], 20);
  const connected = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  await c.monitor.start();
  await connected;
  await c.monitor.stop();
  world.fake.postBacklog(world.channelId, [world.userId], 300);
  // The channel's messages bucket: one request per 8 s, used up now (another client of the bot, say).
  world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 8_000 } });
  const used = await fetch(`${world.fake.apiUrl}/v10/channels/${world.channelId}/messages?limit=1`, { headers: { authorization: `Bot ${TOKEN}` } });
  expect(used.status).toBe(200);
  const said = nextEvent(c, 'log.entry', (e) => /asked to wait/.test(e.message), 10_000);
  await c.monitor.start();
  await said;
  const saidAt = Date.now();
  const live = nextEvent(c, 'message.created', (m) => m.content === 'live during the wait', 15_000);
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'live during the wait' });
  await live;
  expect(Date.now() - saidAt).toBeLessThan(4_000);
});
