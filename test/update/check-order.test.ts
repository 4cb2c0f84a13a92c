// Update checks run one at a time. A check that started before another and ended after it overwrote the
// newer answer: the app's own scheduled check (started before a release was published) landed after the
// panel's, the offer went back to the older target, and the panel's "update" was refused as changed
// (the crash-safe e2e timed out on it in CI: "10 updates available", then "9").
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { UpdateView } from '../../shared/types.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';
import { Fixture } from './fixture.js';

// The next check computes its answer, then waits to be let go before it reports it.
const hold = { next: false, release: null as null | (() => void) };
vi.mock('../../electron/core/update/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/update/index.js')>();
  return {
    ...real,
    checkForUpdates: async (o: Parameters<typeof real.checkForUpdates>[0]) => {
      const result = await real.checkForUpdates(o);
      if (hold.next) {
        hold.next = false;
        await new Promise<void>((resolve) => (hold.release = resolve));
      }
      return result;
    },
  };
});

let fx: Fixture;
let world: World;
let core: Core;
beforeEach(async () => {
  fx = new Fixture();
  world = await createWorld();
  core = await coreFor(world, { AUTO_RESTART_SERVICE: 'False' }, {
    paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: fx.checkout },
    update: { pipeline: { commands: fx.commands } },
  });
});
afterEach(async () => {
  await core.shutdown();
  await world.close();
  fx.cleanup();
});

it('a check that ends after a later one does not bring back the older answer', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  hold.next = true;
  const first = core.dispatch('update.check') as Promise<{ ok: boolean; value: UpdateView }>;
  await vi.waitFor(() => expect(hold.release).not.toBeNull(), { timeout: 15_000 });
  const v3 = fx.publish('Version 3', { 'version.txt': 'v3' });
  const second = core.dispatch('update.check') as Promise<{ ok: boolean; value: UpdateView }>;
  await new Promise((r) => setTimeout(r, 300));
  hold.release!();
  await first;
  expect((await second).value.target).toBe(v3);
  expect(core.updates.get()).toMatchObject({ state: 'available', target: v3 });
});
