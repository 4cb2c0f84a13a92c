// After shutdown the core lets go of its data folder (the user may delete it, the next process owns it):
// a late reader gets the last settings from memory (conf would make the folder again on a read), a save
// is refused with a sentence, and an update round that answers late arms no next round.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { coreEachWorld, coreFor, TOKEN } from '../helpers/world.js';

const t = coreEachWorld();

it('settings read after shutdown come from memory, without recreating the deleted folder; a save is refused', async () => {
  t.core = await coreFor(t.world);
  expect((await t.core.dispatch('settings.save', { checkIntervalMinutes: 7 })).ok).toBe(true);
  await t.core.shutdown();
  rmSync(t.world.dataDir, { recursive: true, force: true });

  expect(t.core.settings.view().checkIntervalMinutes).toBe(7);
  expect(t.core.settings.stored.checkIntervalMinutes).toBe(7);
  expect(t.core.settings.effective().checkIntervalMinutes).toBe(7);
  const refused = { ok: false, error: { code: 'unavailable', message: expect.stringMatching(/shutting down/) } };
  expect(await t.core.dispatch('settings.save', { checkIntervalMinutes: 9 })).toMatchObject(refused);
  // The token goes to the SecretBox, which writes its own file.
  expect(await t.core.dispatch('settings.save', { token: TOKEN })).toMatchObject(refused);
  expect(t.core.settings.view().checkIntervalMinutes).toBe(7);
  expect(existsSync(join(t.world.dataDir, 'token'))).toBe(false);
  expect(existsSync(t.world.dataDir)).toBe(false);
});

it('an update round answering after shutdown arms no next round; a second shutdown is the same one', async () => {
  t.core = await coreFor(t.world);
  let answer!: () => void;
  const check = vi.spyOn(t.core.updates, 'check').mockReturnValueOnce(new Promise((resolve) => (answer = () => resolve(t.core!.updates.get()))));
  const timeouts = vi.spyOn(globalThis, 'setTimeout');
  t.core.updates.schedule();
  expect(check).toHaveBeenCalledTimes(1);
  const down = t.core.shutdown();
  expect(t.core.isShutDown()).toBe(true);
  expect(t.core.shutdown()).toBe(down);
  await down;

  answer();
  // The round's finally runs in the microtasks after the answer; setImmediate comes after all of them.
  await new Promise((resolve) => setImmediate(resolve));
  expect(timeouts.mock.calls.filter(([, delay]) => delay === 5 * 60_000)).toEqual([]);
  vi.restoreAllMocks();
});
