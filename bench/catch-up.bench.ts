// bench/catch-up: 10,000 messages posted while the app was stopped, then one start. Prints the
// time to deliver them all, REST requests made, peak RSS, and lost/duplicated/out-of-order counts.
// Run: npx vitest run -c vitest.bench.config.ts bench/catch-up.bench.ts
// (BENCH_MISSED=n to change the count, BENCH_STORM=1 for small buckets plus a 429 on every 9th request.)
import { expect, it } from 'vitest';
import { configuredEnv, coreFor, createWorld, waitState } from '../test/helpers/world.js';

const MISSED = Number(process.env.BENCH_MISSED ?? 10_000);
const STORM = process.env.BENCH_STORM === '1';

it(`catch-up of ${MISSED} missed messages${STORM ? ' under 429s' : ''}`, async () => {
  const world = await createWorld();
  const core = await coreFor(world, configuredEnv(world));
  try {
    const first = waitState(core, 'connected', 30_000);
    await core.monitor.start();
    await first;
    await core.monitor.stop();
    const backlog = world.fake.postBacklog(world.channelId, [world.userId], MISSED).map((m) => m.id);
    if (STORM) world.fake.setRateLimits({ perRoute: { limit: 5, resetAfterMs: 100 }, storm: { every: 9, retryAfterMs: 30, scope: 'shared' } });
    world.fake.resetStats();
    const before = new Map(world.fake.restRequests());
    const seen: string[] = [];
    core.bus.on('message.created', (m) => seen.push(m.id));
    let peakRss = process.memoryUsage().rss;
    const rssBefore = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    await core.monitor.start();
    await world.fake.waitFor(() => seen.length >= backlog.length, 600_000);
    const ms = performance.now() - t0;
    clearInterval(sampler);
    await waitState(core, 'connected', 60_000);
    const routes = Object.fromEntries([...world.fake.restRequests()].map(([route, n]) => [route, n - (before.get(route) ?? 0)]));
    const requests = Object.values(routes).reduce((a, b) => a + b, 0);
    const seenSet = new Set(seen);
    const lost = backlog.filter((id) => !seenSet.has(id)).length;
    const duplicated = seen.length - seenSet.size;
    const outOfOrder = seen.filter((id, i) => i > 0 && BigInt(id) < BigInt(seen[i - 1]!)).length;
    console.log(
      `[bench] catch-up ${MISSED}${STORM ? ' (429 storm)' : ''}: ${(ms / 1000).toFixed(2)} s, ${requests} REST requests ${JSON.stringify(routes)}, ` +
        `RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peakRss / 2 ** 20).toFixed(0)} MiB, lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder}`,
    );
    expect({ lost, duplicated, outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
  } finally {
    await core.shutdown();
    await world.close();
  }
});
