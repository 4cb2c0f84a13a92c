// Update checks run one at a time. A check that started before another and ended after it overwrote the
// newer answer: the app's own scheduled check (started before a release was published) landed after the
// panel's, the offer went back to the older target, and the panel's "update" was refused as changed
// (the crash-safe e2e timed out on it in CI: "10 updates available", then "9").
import { expect, it, vi } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { useCoreOnFixture } from './core-on-fixture.js';

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

const h = useCoreOnFixture();

it('a check that ends after a later one does not bring back the older answer', async () => {
  h.fx.publish('Version 2', { 'version.txt': 'v2' });
  hold.next = true;
  const first = h.core.dispatch('update.check') as Promise<{ ok: boolean; value: UpdateView }>;
  await vi.waitFor(() => expect(hold.release).not.toBeNull(), { timeout: 15_000 });
  const v3 = h.fx.publish('Version 3', { 'version.txt': 'v3' });
  const second = h.core.dispatch('update.check') as Promise<{ ok: boolean; value: UpdateView }>;
  await new Promise((r) => setTimeout(r, 300));
  hold.release!();
  await first;
  expect((await second).value.target).toBe(v3);
  expect(h.core.updates.get()).toMatchObject({ state: 'available', target: v3 });
});
