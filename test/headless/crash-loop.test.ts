// Invariant 6 with the real headless entry: a run killed (no clean shutdown) makes the next start a crash
// start; past the free ones it waits longer than Discord's 5 s and says why. A clean stop resets nothing
// but is no crash. DISCORD_MONITOR_CRASH_LOOP_FREE=0 makes the first crash start count (5 by default).
import { expect, it } from 'vitest';
import { TOKEN } from '../helpers/world.js';
import { useHeadlessChildren } from './headless-child.js';

const h = useHeadlessChildren('dm-crash-loop-');

it('after a kill the next session waits twice the spacing and says why; after a clean stop only the spacing', { timeout: 90_000 }, async () => {
  const start = () => h.start({ DISCORD_MONITOR_CRASH_LOOP_FREE: '0' });
  const identifies: number[] = [];
  let seen = 0;
  const watch = setInterval(() => {
    const n = h.world().fake.identifyCount(TOKEN);
    for (; seen < n; seen++) identifies.push(Date.now());
  }, 5);
  try {
    const first = start();
    await first.said(/Monitoring #general/);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = start();
    await second.said(/Started once in the last day after stopping without a clean shutdown: waiting \d+ s/);
    await second.said(/Monitoring #general/);
    second.child.kill('SIGTERM');
    await second.exited;

    const third = start();
    await third.said(/Monitoring #general/);
    expect(third.out()).not.toMatch(/without a clean shutdown/);
    third.child.kill('SIGTERM');
    await third.exited;
  } finally {
    clearInterval(watch);
  }
  expect(identifies).toHaveLength(3);
  const [a, b, c] = identifies as [number, number, number];
  console.log(`[measure] IDENTIFY gaps: after the kill ${b - a} ms, after the clean stop ${c - b} ms`);
  expect(b - a).toBeGreaterThanOrEqual(10_400);
  expect(c - b).toBeLessThan(10_000);
});
