// bench/update-cycle: N headless update cycles against the fake Discord, one message every 100 ms.
// Prints per-cycle and median figures. Run: npm run bench (BENCH_CYCLES=5 to change N).
import { expect, it } from 'vitest';
import type { UpdateView } from '../shared/types.js';
import { createWorld, TOKEN } from '../test/helpers/world.js';
import { health, waitForNewProcess } from '../test/e2e/health.js';
import { bumpVersion, startInstalledApp } from '../test/e2e/installed-checkout.js';
import { panelClient } from '../test/e2e/ws-client.js';

const CYCLES = Number(process.env.BENCH_CYCLES ?? 5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

it(`update cycle × ${CYCLES}`, async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const installed = await startInstalledApp(world);
  const { app, checkout } = installed;
  const base = new URL(app.url).origin;
  let pid = (await waitForNewProcess(base, -1, app.output)).pid;
  const rows: Array<{ turnaround: number; gap: number; concurrent: number; lost: number; duplicated: number }> = [];

  // Session transitions seen from Discord's side, sampled every 5 ms.
  let lastLive = world.fake.liveSessions(TOKEN);
  const transitions: Array<{ at: number; live: number }> = [];
  const sampler = setInterval(() => {
    const live = world.fake.liveSessions(TOKEN);
    if (live !== lastLive) transitions.push({ at: performance.now(), live });
    lastLive = live;
  }, 5);

  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      world.fake.resetStats();
      transitions.length = 0;
      const sha = checkout.push(`Release 9.${cycle}.0`, (d) => bumpVersion(d, `9.${cycle}.0`));
      const client = await panelClient(app.url);
      const view = await client.invoke<UpdateView>('update.check');
      if (!(view.ok && view.value.target === sha)) throw new Error(`cycle ${cycle}: update not offered: ${JSON.stringify(view)}`);
      const posted: string[] = [];
      const poster = setInterval(() => posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `c${cycle} #${posted.length}` }).id), 100);
      const t0 = performance.now();
      await client.invoke('update.run', { target: sha });
      client.close();
      const next = await waitForNewProcess(base, pid, app.output);
      const turnaround = performance.now() - t0;
      clearInterval(poster);
      pid = next.pid;
      const closed = transitions.find((t) => t.live === 0)?.at ?? t0;
      const ready = transitions.filter((t) => t.live === 1).at(-1)?.at ?? performance.now();

      const fresh = await panelClient(app.url);
      const last = world.fake.postMessage(world.channelId, { authorId: world.userId, content: `c${cycle} end` }).id;
      let ids: string[] = [];
      for (let i = 0; i < 100 && !ids.includes(last); i++) {
        const list = await fresh.invoke<Array<{ id: string }>>('messages.list', { limit: 500 });
        ids = list.ok ? list.value.map((m) => m.id) : [];
        if (!ids.includes(last)) await new Promise((r) => setTimeout(r, 50));
      }
      fresh.close();
      rows.push({
        turnaround,
        gap: ready - closed,
        concurrent: world.fake.maxConcurrentSessions(TOKEN),
        lost: posted.filter((id) => !ids.includes(id)).length,
        duplicated: ids.length - new Set(ids).size,
      });
      const r = rows.at(-1)!;
      console.log(
        `cycle ${cycle}: turnaround ${(r.turnaround / 1000).toFixed(2)} s, gateway gap ${(r.gap / 1000).toFixed(2)} s, ` +
          `max concurrent sessions ${r.concurrent}, messages posted ${posted.length}, lost ${r.lost}, duplicated ${r.duplicated}`,
      );
      expect((await health(base)).commit).toBe(sha);
    }
  } finally {
    clearInterval(sampler);
    await installed.close(pid);
    await world.close();
  }
  const summary =
    `median of ${rows.length}: turnaround ${(median(rows.map((r) => r.turnaround)) / 1000).toFixed(2)} s (target ≤ 5), ` +
    `gateway gap ${(median(rows.map((r) => r.gap)) / 1000).toFixed(2)} s (target ≤ 2), ` +
    `max concurrent ${Math.max(...rows.map((r) => r.concurrent))} (target 1), ` +
    `lost ${rows.reduce((a, r) => a + r.lost, 0)}, duplicated ${rows.reduce((a, r) => a + r.duplicated, 0)} (targets 0)`;
  console.log(`\n${summary}\n`);
}, 600_000);
