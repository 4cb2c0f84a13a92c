// The give-up raced only the catch-up's pages; the re-read of recent messages (the same route, and the
// first request of a catch-up) was awaited: a long 429 on it held live messages for the whole wait
// (a helper's review of the first version of the give-up).
import { expect, it } from 'vitest';
import { configuredEnv, coreEachWorld, coreFor, nextEvent, TOKEN } from '../helpers/world.js';

const t = coreEachWorld();

it('a long 429 on the catch-up\'s first request (the reconcile): live messages go on meanwhile', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, rateLimitReleaseMs: 2_000 } });
  const c = t.core;
  t.world.fake.postBacklog(t.world.channelId, [t.world.userId], 20);
  const connected = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  await c.monitor.start();
  await connected;
  await c.monitor.stop();
  t.world.fake.postBacklog(t.world.channelId, [t.world.userId], 300);
  // The channel's messages bucket: one request per 8 s, used up now (another client of the bot, say).
  t.world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 8_000 } });
  const used = await fetch(`${t.world.fake.apiUrl}/v10/channels/${t.world.channelId}/messages?limit=1`, { headers: { authorization: `Bot ${TOKEN}` } });
  expect(used.status).toBe(200);
  const said = nextEvent(c, 'log.entry', (e) => /asked to wait/.test(e.message), 10_000);
  await c.monitor.start();
  await said;
  const saidAt = Date.now();
  const live = nextEvent(c, 'message.created', (m) => m.content === 'live during the wait', 15_000);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'live during the wait' });
  await live;
  expect(Date.now() - saidAt).toBeLessThan(4_000);
});
