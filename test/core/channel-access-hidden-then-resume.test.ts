// Outside review of today's change: View Channel withdrawn, then the gateway connection drops and resumes: ShardResume's
// backToConnected() says "Connected" although the channel is still hidden (channel-access.ts's state is not asked).
import { expect, it } from 'vitest';
import { PERMISSION } from '../fake-discord/permissions.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const t = coreEachWorld();

it('hidden, then a resume: the status still says the channel cannot be seen', { timeout: 60_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  const connected = nextEvent(c, 'bot.status', (s) => s.state === 'connected', 15_000);
  await c.monitor.start();
  await connected;
  const blind = nextEvent(c, 'bot.status', (s) => /View Channel/.test(s.sentence), 5_000);
  t.world.fake.withholdPermission(t.world.channelId, t.world.botId, PERMISSION.VIEW_CHANNEL);
  await blind;
  const resumed = nextEvent(c, 'log.entry', (e) => /resum/i.test(e.message) && e.level !== 'warn', 20_000).catch(() => null);
  await t.world.fake.restart();
  await resumed;
  await new Promise((r) => setTimeout(r, 1_000));
  expect(c.monitor.status().sentence).toMatch(/View Channel/);
});
