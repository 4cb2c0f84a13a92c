// Outside review of today's change: View Channel withdrawn while the start's catch-up runs. check() marks it hidden (connectedInfo is
// set before the catch-up), then onReady says "Connected" over it and the later checkAccess() is a no-op.
import { expect, it } from 'vitest';
import { PERMISSION } from '../fake-discord/permissions.js';
import { startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const DEADLINE_MS = 60_000;
const t = coreEachWorld();

it('View Channel withdrawn during the catch-up: the status does not end on "Connected"', { timeout: 120_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  await startCatchingUp(c, t.world, 500, DEADLINE_MS);
  const blind = nextEvent(c, 'bot.status', (s) => /View Channel/.test(s.sentence), 10_000);
  t.world.fake.withholdPermission(t.world.channelId, t.world.botId, PERMISSION.VIEW_CHANNEL);
  await blind;
  // The catch-up ends (its next page refused); then what does the panel say?
  await new Promise((r) => setTimeout(r, 5_000));
  const s = c.monitor.status();
  expect(s.state).not.toBe('connected');
  expect(s.sentence).toMatch(/View Channel/);
});
