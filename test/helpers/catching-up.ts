// A core caught in a long catch-up: connected once, stopped, `backlog` messages posted while it was away,
// Discord's message pages slowed to one per `pageEveryMs` (null: Discord's own pace), started again.
// Resolves once the status says "Catching up", with the backlog (oldest first): live messages are held
// from then on. refuseFor() then has Discord refuse the catch-up's next request for a while.
import type { Core } from '../../electron/core/app-core.js';
import type { FakeMessage } from '../fake-discord/model.js';
import { nextEvent, waitState, type World } from './world.js';

export async function startCatchingUp(c: Core, world: World, backlog = 1_000, deadlineMs = 60_000, pageEveryMs: number | null = 400): Promise<FakeMessage[]> {
  const connected = waitState(c, 'connected', deadlineMs);
  await c.monitor.start();
  await connected;
  await c.monitor.stop();
  const posted = world.fake.postBacklog(world.channelId, [world.userId], backlog);
  if (pageEveryMs !== null) world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: pageEveryMs } });
  const catching = nextEvent(c, 'bot.status', (s) => s.sentence.startsWith('Catching up'), deadlineMs);
  await c.monitor.start();
  await catching;
  return posted;
}

/** The next requests are refused with a `shared` 429 asking to wait `ms` (docs/topics/rate-limits: retry_after can be minutes). */
export async function refuseFor(world: World, ms: number): Promise<void> {
  world.fake.setRateLimits({ storm: { every: 1, retryAfterMs: ms, scope: 'shared' } });
  await new Promise((r) => setTimeout(r, 300));
  world.fake.setRateLimits({ storm: null });
}
