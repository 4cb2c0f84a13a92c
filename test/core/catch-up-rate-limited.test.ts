// A catch-up page refused with a long 429 (docs/topics/rate-limits.md: a `shared` limit's retry_after can
// be 1336.57 s): discord.js waits it out without a word, and the panel kept saying "Catching up: 100 of
// about 300 messages…" while live messages waited behind it (outside review). The status says the wait.
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

it('a catch-up page Discord refuses for 6 s: the status says it waits, how long, and that live messages come after', { timeout: 60_000 }, async () => {
  core = await coreFor(world, configuredEnv(world));
  const c = core;
  const connected = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  await c.monitor.start();
  await connected;
  await c.monitor.stop();
  world.fake.postBacklog(world.channelId, [world.userId], 300);
  const catching = nextEvent(c, 'bot.status', (s) => s.sentence.startsWith('Catching up'), 15_000);
  await c.monitor.start();
  await catching;
  const waiting = nextEvent(c, 'bot.status', (s) => /rate limit/.test(s.sentence), 5_000);
  world.fake.setRateLimits({ storm: { every: 1, retryAfterMs: 6_000, scope: 'shared' } });
  await new Promise((r) => setTimeout(r, 300));
  world.fake.setRateLimits({ storm: null });
  const said = await waiting;
  expect(said.state).toBe('connecting');
  expect(said.sentence).toMatch(/Catching up: Discord asked to wait (5|6) s before the next page \(rate limit\); live messages are shown once it is done/);
  await nextEvent(c, 'bot.status', (s) => s.state === 'connected', 20_000);
});
