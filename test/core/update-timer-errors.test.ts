// The update timer outlives any one failing round: a check that rejects, or a read of the interval that
// throws, is logged and the next round is still armed (at the last interval read). Before, either ended
// `void check().finally(next)` in an unhandled rejection, which ends the process.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';

let world: World;
let core: Core;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeEach(async () => {
  rejections.length = 0;
  process.on('unhandledRejection', onRejection);
  world = await createWorld();
  core = await coreFor(world);
  expect((await core.dispatch('settings.save', { checkIntervalMinutes: 3 })).ok).toBe(true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  core.updates.dispose();
  await core.shutdown();
  await world.close();
  process.off('unhandledRejection', onRejection);
});

const armedAt = (timeouts: { mock: { calls: unknown[][] } }, ms: number) => timeouts.mock.calls.filter(([, delay]) => delay === ms).length;

it('a check that rejects is logged and the next check is still armed', async () => {
  vi.spyOn(core.updates, 'check').mockRejectedValueOnce(new Error('git vanished'));
  const timeouts = vi.spyOn(globalThis, 'setTimeout');
  core.updates.schedule();
  await vi.waitFor(() => expect(armedAt(timeouts, 3 * 60_000)).toBe(1), { timeout: 5000 });
  await vi.waitFor(() => expect(core.log.recent().some((e) => /git vanished/.test(e.message))).toBe(true), { timeout: 5000 });
  expect(rejections).toEqual([]);
});

it('a read of the interval that throws re-arms at the last interval read, and says so', async () => {
  const timeouts = vi.spyOn(globalThis, 'setTimeout');
  core.updates.schedule();
  await vi.waitFor(() => expect(armedAt(timeouts, 3 * 60_000)).toBe(1), { timeout: 5000 });
  // The next round: its check is answered, then the interval read throws.
  vi.spyOn(core.settings, 'effective').mockImplementation(() => {
    throw new Error('settings unreadable');
  });
  vi.spyOn(core.updates, 'check').mockResolvedValueOnce(core.updates.get());
  const first = timeouts.mock.calls.findIndex(([, delay]) => delay === 3 * 60_000);
  // Run that round now rather than in 3 minutes (and only once: dispose() clears the timer it arms).
  clearTimeout(timeouts.mock.results[first]!.value as NodeJS.Timeout);
  (timeouts.mock.calls[first]![0] as () => void)();
  await vi.waitFor(() => expect(armedAt(timeouts, 3 * 60_000)).toBe(2), { timeout: 5000 });
  expect(core.log.recent().some((e) => /checks stay every 3 minutes/.test(e.message))).toBe(true);
  expect(rejections).toEqual([]);
});
