// "Stop retrying" for a backfill that keeps failing, with the real core, discord.js and the fake
// Discord: the panel's cancel, given while the job waits for its retry, drops the retry, and the job
// stays cancelled: Discord answering again, a gateway resume and a restart of the app (the settings
// still asking for that backfill) start nothing until the user starts it or changes the settings.
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, recordEvents, startConnected, waitState, type World } from '../helpers/world.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
const RETRY_MS = 300;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

/** A core connected to the fake Discord, and every event it sent from its creation on. */
async function connected(): Promise<{ c: Core; events: ReturnType<typeof recordEvents> }> {
  const c = (core = await coreFor(world, configuredEnv(world), { historyTuning: { backfillRetryMs: [RETRY_MS] } }));
  const events = recordEvents(c);
  await startConnected(c, DEADLINE_MS);
  return { c, events };
}
const running = (events: ReturnType<typeof recordEvents>) => events.filter((e) => e.event === 'history.backfill' && (e.payload as BackfillView).state === 'running');

it('a cancel while a failed job waits for its retry sticks, through a resume and a restart', { timeout: 120_000 }, async () => {
  world.fake.postHistory(world.channelId, [world.userId], 300, Date.now() - 3 * DAY, Date.now() - 60_000);
  const { c } = await connected();
  world.fake.setRateLimits({ down: true });
  const failed = nextEvent(c, 'history.backfill', (v) => v.state === 'failed', DEADLINE_MS);
  await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: 'all' });
  await failed;

  const cancelled = await call<BackfillView>(c, 'history.cancel');
  expect(cancelled).toMatchObject({ state: 'cancelled', message: null });
  world.fake.setRateLimits({ down: false });
  const events = recordEvents(c);
  // The retry was due 300 ms after the failure: nothing runs in five times that, though Discord answers.
  await expect(nextEvent(c, 'history.backfill', (v) => v.state === 'running', 5 * RETRY_MS)).rejects.toThrow(/no matching/);
  // A gateway resume ("connected" again) is no reason either.
  const resumed = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'log.resumed', DEADLINE_MS);
  world.fake.dropConnections();
  await resumed;
  await waitState(c, 'connected', DEADLINE_MS);
  expect(running(events)).toEqual([]);
  expect((await call<BackfillView>(c, 'history.status')).state).toBe('cancelled');

  // Nor a restart with the settings still asking for it: the history listener has run at "connected".
  await c.shutdown();
  const restarted = await connected();
  expect((await call<BackfillView>(restarted.c, 'history.status')).state).toBe('cancelled');
  expect(running(restarted.events)).toEqual([]);
});
