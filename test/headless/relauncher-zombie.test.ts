// The relauncher waits for the old process to exit before starting the new one. A process killed
// while its parent is gone can stay a zombie (some container inits reap late or never): it runs
// nothing, so the wait must end at once instead of running into its 30 s deadline.
import { afterEach, expect, it } from 'vitest';
import { waitForExit } from '../../electron/headless/relauncher.js';
import { makeZombie, type Zombie } from '../helpers/zombie.js';

let held: Zombie | null = null;
afterEach(() => {
  held?.release();
  held = null;
});

it('a zombie counts as exited', async () => {
  held = await makeZombie();
  expect(await waitForExit(held.pid, 1500)).toBe(true);
});

it('a live process does not', async () => {
  held = await makeZombie();
  expect(await waitForExit(held.holder.pid!, 300)).toBe(false);
});
