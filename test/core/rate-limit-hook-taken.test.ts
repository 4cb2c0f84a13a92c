// A catch-up queued behind a running one (a new session, op 9, during a start's catch-up) took the rate-limit
// hook: the running one's long 429 released the queued one, and live messages waited the whole retry_after
// (a helper's review of the first version of the give-up).
import { expect, it } from 'vitest';
import { refuseFor, startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const t = coreEachWorld();

it('a new session during a catch-up, then a long 429 on the running catch-up: live messages are not held for the wait', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, rateLimitReleaseMs: 5_000 } });
  const c = t.core;
  await startCatchingUp(c, t.world, 2_000, 15_000, null);
  // A 4 s wait (under the 5 s release): the catch-up waits it, as it should.
  const waiting = nextEvent(c, 'bot.status', (s) => /rate limit/.test(s.sentence), 5_000);
  await refuseFor(t.world, 4_000);
  await waiting;
  const firstWaitAt = Date.now();
  // Meanwhile a new session: its catch-up is queued behind the running one (and takes the rate-limit hook).
  const newSession = nextEvent(c, 'log.entry', (e) => /started a new session/.test(e.message), 10_000);
  t.world.fake.sendInvalidSession(false);
  await newSession;
  // The running catch-up's next page, once its 4 s are over, is refused for 10 s: past the release.
  const deferred = nextEvent(c, 'log.entry', (e) => /wait 1[01] s/.test(e.message), 10_000);
  await new Promise((r) => setTimeout(r, Math.max(0, firstWaitAt + 3_000 - Date.now())));
  t.world.fake.setRateLimits({ storm: { every: 1, retryAfterMs: 10_000, scope: 'shared' } });
  await deferred;
  t.world.fake.setRateLimits({ storm: null });
  const saidAt = Date.now();
  const live = nextEvent(c, 'message.created', (m) => m.content === 'live during the long wait', 15_000);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content: 'live during the long wait' });
  await live;
  // Released at the 10 s wait's start (as without the new session), not after it.
  expect(Date.now() - saidAt).toBeLessThan(4_000);
});
