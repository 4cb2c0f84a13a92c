// The watched server goes out (GUILD_DELETE unavailable) while the start's catch-up runs: once the catch-up
// ended, the panel said "Connected" for the rest of the outage (a helper's review of guild-outage.ts).
import { expect, it } from 'vitest';
import { refuseFor, startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const t = coreEachWorld();

it('an outage of the watched server during the start catch-up: the status does not say Connected while it lasts', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  await startCatchingUp(c, t.world, 300, 15_000, null);
  // A 4 s wait (under the 30 s give-up) keeps the catch-up running while the server goes out.
  const waiting = nextEvent(c, 'bot.status', (s) => /rate limit/.test(s.sentence), 5_000);
  await refuseFor(t.world, 4_000);
  await waiting;
  const out = nextEvent(c, 'bot.status', (s) => /unavailable/i.test(s.sentence), 5_000);
  const caughtUp = nextEvent(c, 'log.entry', (e) => /^Caught up 300 messages/.test(e.message), 15_000);
  t.world.fake.guildOutage(t.world.guildId);
  await out;
  // The catch-up ends ~4 s later, the server still out; what it says next comes at once.
  await caughtUp;
  await new Promise((r) => setTimeout(r, 500));
  const status = c.monitor.status();
  expect(status.sentence).toMatch(/unavailable/i);
  expect(status.state).not.toBe('connected');
});
