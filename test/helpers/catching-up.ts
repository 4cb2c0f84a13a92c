// A core caught in a long catch-up: connected once, stopped, `backlog` messages posted while it was away,
// Discord's message pages slowed to one per 400 ms, started again. Resolves once the status says
// "Catching up", with the backlog (oldest first): live messages are held from then on.
import type { Core } from '../../electron/core/app-core.js';
import type { FakeMessage } from '../fake-discord/model.js';
import { nextEvent, waitState, type World } from './world.js';

export async function startCatchingUp(c: Core, world: World, backlog = 1_000, deadlineMs = 60_000): Promise<FakeMessage[]> {
  const connected = waitState(c, 'connected', deadlineMs);
  await c.monitor.start();
  await connected;
  await c.monitor.stop();
  const posted = world.fake.postBacklog(world.channelId, [world.userId], backlog);
  world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 400 } });
  const catching = nextEvent(c, 'bot.status', (s) => s.sentence.startsWith('Catching up'), deadlineMs);
  await c.monitor.start();
  await catching;
  return posted;
}
