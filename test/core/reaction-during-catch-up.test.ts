// Outside review: a reaction added during a catch-up to a backlog message not fetched yet is queued in heldAfter
// and applied (+1) after the page that already carried it was stored: counted twice.
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { startCatchingUp } from '../helpers/catching-up.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, type World } from '../helpers/world.js';

const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

it('a reaction during the catch-up on a message of a later page is counted once', { timeout: 120_000 }, async () => {
  core = await coreFor(world, configuredEnv(world));
  const c = core;
  const backlog = await startCatchingUp(c, world, 1_000, DEADLINE_MS);
  const newest = backlog.at(-1)!;
  world.fake.react(world.channelId, newest.id, world.userId, { id: null, name: '👍' });
  await nextEvent(c, 'bot.status', (s) => s.state === 'connected', DEADLINE_MS);
  await c.monitor.writesDone();
  const listed = await c.dispatch('messages.list', { limit: 3 });
  if (!listed.ok) throw new Error(listed.error.message);
  const row = listed.value.find((x) => x.id === newest.id);
  expect(row?.view?.reactions.map((r) => r.count)).toEqual([1]);
});
