// A catch-up page refused with a long 429 (docs/topics/rate-limits.md: a `shared` limit's retry_after can
// be 1336.57 s): discord.js waits it out without a word, and the panel kept saying "Catching up: 100 of
// about 300 messages…" while live messages waited behind it (outside review). The status says the wait.
import { expect, it } from 'vitest';
import { refuseFor, startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const t = coreEachWorld();

it('a catch-up page Discord refuses for 6 s: the status says it waits, how long, and that live messages come after', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  await startCatchingUp(c, t.world, 300, 15_000, null);
  const waiting = nextEvent(c, 'bot.status', (s) => /rate limit/.test(s.sentence), 5_000);
  await refuseFor(t.world, 6_000);
  const said = await waiting;
  expect(said.state).toBe('connecting');
  expect(said.sentence).toMatch(/Catching up: Discord asked to wait (5|6) s before the next page \(rate limit\); live messages are shown once it is done/);
  await nextEvent(c, 'bot.status', (s) => s.state === 'connected', 20_000);
});

it('a catch-up page Discord refuses for long: live messages go on meanwhile, and the rest of the gap is stored once the wait is over', { timeout: 60_000 }, async () => {
  // The app stops waiting at 30 s; here at 2 s, with an 8 s wait.
  t.core = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, rateLimitReleaseMs: 2_000 } });
  const c = t.core;
  const missed = await startCatchingUp(c, t.world, 300, 15_000, null);
  const deferred = nextEvent(c, 'log.entry', (e) => /live messages are shown meanwhile/.test(e.message), 5_000);
  const going = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 8_000);
  await refuseFor(t.world, 8_000);
  const began = Date.now();
  await deferred;
  // Live messages are shown while Discord's wait lasts.
  await going;
  const live = nextEvent(c, 'message.created', (m) => m.content === 'live during the wait', 5_000);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'live during the wait' });
  await live;
  expect(Date.now() - began).toBeLessThan(6_000);
  // Once it is over, the whole gap is stored, in order, before the live one.
  await nextEvent(c, 'log.entry', (e) => /nothing is missing now/.test(e.message), 30_000);
  await c.monitor.writesDone();
  const listed = await c.dispatch('messages.list', { limit: 400 });
  if (!listed.ok) throw new Error(listed.error.message);
  const contents = listed.value.map((m) => m.content);
  expect(contents.slice(-301)).toEqual([...missed.map((m) => m.content), 'live during the wait']);
});
