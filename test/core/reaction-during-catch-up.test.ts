// Outside review: a reaction added during a catch-up to a backlog message not fetched yet is queued in heldAfter
// and applied (+1) after the page that already carried it was stored: counted twice.
import { expect, it } from 'vitest';
import { startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreEachWorld, coreFor, nextEvent } from '../helpers/world.js';

const DEADLINE_MS = 60_000;
const t = coreEachWorld();

it('a reaction during the catch-up on a message of a later page is counted once', { timeout: 120_000 }, async () => {
  t.core = await coreFor(t.world, configuredEnv(t.world));
  const c = t.core;
  const backlog = await startCatchingUp(c, t.world, 1_000, DEADLINE_MS);
  const newest = backlog.at(-1)!;
  t.world.fake.react(t.world.channelId, newest.id, t.world.userId, { id: null, name: '👍' });
  await nextEvent(c, 'bot.status', (s) => s.state === 'connected', DEADLINE_MS);
  await c.monitor.writesDone();
  const listed = await c.dispatch('messages.list', { limit: 3 });
  if (!listed.ok) throw new Error(listed.error.message);
  const row = listed.value.find((x) => x.id === newest.id);
  expect(row?.view?.reactions.map((r) => r.count)).toEqual([1]);
});
