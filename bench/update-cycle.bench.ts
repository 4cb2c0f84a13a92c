// bench/update-cycle: the old restart path and the handover side by side in one run, N update cycles
// each (interleaved, so machine load hits both alike), one message every 100 ms, each app on its own
// fake Discord. Run: npm run bench (BENCH_CYCLES=5 to change N).
// BENCH_SIDES=restart,handover,baseline picks the sides; `baseline` is the handover of an installed copy at
// commit BENCH_BASELINE (old code against new in one run). BENCH_CHANGE=code makes every release also change a
// module of the Node bundle (a real code update: it is bundled again), not only the version.
// CPU per cycle: the old process with the children it waited for (git, the build), and the new one until ready.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { IDENTIFY_SPACING_MS } from '../electron/core/bot/identify-gate.js';
import type { UpdateView } from '../shared/types.js';
import { createWorld, TOKEN, type World } from '../test/helpers/world.js';
import { idleRss } from './idle-rss.js';
import { health, waitForNewProcess } from '../test/e2e/health.js';
import { bumpVersion, git, startInstalledApp, type InstalledApp } from '../test/e2e/installed-checkout.js';
import { panelClient } from '../test/e2e/ws-client.js';

const CYCLES = Number(process.env.BENCH_CYCLES ?? 5);
const SIDES = (process.env.BENCH_SIDES ?? 'restart,handover').split(',').filter(Boolean);
const BASELINE = process.env.BENCH_BASELINE ?? '';
const CODE_CHANGE = process.env.BENCH_CHANGE === 'code';
const TICKS = 100; // USER_HZ on Linux

/** CPU seconds of a process (with the children it reaped, when asked), or null once it is gone. */
function cpuOf(pid: number, children: boolean): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)) / TICKS;
  } catch {
    return null;
  }
}
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Row {
  turnaround: number;
  gap: number;
  unreachable: number;
  identifies: number;
  concurrent: number;
  lost: number;
  duplicated: number;
  /** CPU seconds: the old process and its reaped children (git, build) over the cycle, the new one until ready. */
  cpuOld: number;
  cpuNew: number;
}

/** Longest window in which /healthz did not answer, polled every 20 ms. */
function unreachableMeter(base: string) {
  let failingSince: number | null = null;
  let longest = 0;
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const at = performance.now();
      const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (!ok && failingSince === null) failingSince = at;
      if (ok && failingSince !== null) {
        longest = Math.max(longest, performance.now() - failingSince);
        failingSince = null;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = loop();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return failingSince === null ? longest : Math.max(longest, performance.now() - failingSince);
    },
  };
}

/** A panel that counts message.created events per id, reconnecting whenever its socket closes. */
function eventCounter(panelUrl: string) {
  const url = new URL(panelUrl);
  const seen = new Map<string, number>();
  let ws: WebSocket | null = null;
  let stopped = false;
  const open = () => {
    if (stopped) return;
    ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`);
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; event?: string; payload?: { id: string } };
      if (frame.type === 'event' && frame.event === 'message.created' && frame.payload) seen.set(frame.payload.id, (seen.get(frame.payload.id) ?? 0) + 1);
    });
    ws.on('close', () => setTimeout(open, 20));
  };
  open();
  return {
    seen,
    stop: () => {
      stopped = true;
      ws?.close();
    },
  };
}

interface Side {
  name: string;
  world: World;
  installed: InstalledApp;
  base: string;
  pid: number;
  rows: Row[];
  /** When this side's bot last became ready (performance.now()): its last IDENTIFY. */
  readyAt: number;
  /** The cycle that failed (the side runs no more cycles; the run fails after the summary). */
  failed?: string;
}

/** An installed copy at `commit` (origin and publisher rewound to it too, the build redone). */
function startInstalledAt(world: World, env: NodeJS.ProcessEnv, commit: string): Promise<InstalledApp> {
  return startInstalledApp(world, env, (checkout) => {
    git(checkout.dir, 'reset', '-q', '--hard', commit);
    git(checkout.root, '--git-dir', checkout.origin, 'update-ref', 'refs/heads/main', commit);
    git(join(checkout.root, 'work'), 'reset', '-q', '--hard', commit);
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: checkout.dir, stdio: 'ignore' });
  });
}

async function startSide(name: string, env: NodeJS.ProcessEnv, commit?: string): Promise<Side> {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const installed = commit ? await startInstalledAt(world, env, commit) : await startInstalledApp(world, env);
  const base = new URL(installed.app.url).origin;
  const { pid } = await waitForNewProcess(base, -1, installed.app.output);
  return { name, world, installed, base, pid, rows: [], readyAt: performance.now() };
}

async function cycle(side: Side, n: number): Promise<void> {
  const { world, installed } = side;
  // Nobody updates twice within Discord's IDENTIFY spacing, which the app keeps: a cycle started sooner
  // would measure the gate holding the new session back, not the handover.
  const spaced = side.readyAt + IDENTIFY_SPACING_MS + 500 - performance.now();
  if (spaced > 0) await new Promise((r) => setTimeout(r, spaced));
  world.fake.resetStats();
  const sha = installed.checkout.push(`Release 9.${n}.0`, (d) => {
    bumpVersion(d, `9.${n}.0`);
    if (CODE_CHANGE) appendFileSync(join(d, 'electron', 'core', 'update', 'lock.ts'), `// release 9.${n}.0\n`);
  });
  const client = await panelClient(installed.app.url);
  const view = await client.invoke<UpdateView>('update.check');
  if (!(view.ok && view.value.target === sha)) throw new Error(`${side.name} cycle ${n}: update not offered: ${JSON.stringify(view)}`);

  // Session transitions as Discord sees them, sampled every 5 ms.
  let lastLive = world.fake.liveSessions(TOKEN);
  const transitions: Array<{ at: number; live: number }> = [];
  const sampler = setInterval(() => {
    const live = world.fake.liveSessions(TOKEN);
    if (live !== lastLive) transitions.push({ at: performance.now(), live });
    lastLive = live;
  }, 5);
  const events = eventCounter(installed.app.url);
  const meter = unreachableMeter(side.base);
  const posted: string[] = [];
  const poster = setInterval(() => posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `${side.name} c${n} #${posted.length}` }).id), 100);

  // Where the time goes: each step's duration as the old process last reported it.
  let steps: Array<{ step: string; status: string; durationMs: number }> = [];
  client.onEvent((event, payload) => {
    const run = (payload as UpdateView).run;
    if (event === 'update.status' && run) steps = run.steps;
  });
  const load = loadavg();
  const cpu0 = cpuOf(side.pid, true) ?? 0;
  let cpuOld = cpu0;
  const cpuSampler = setInterval(() => (cpuOld = cpuOf(side.pid, true) ?? cpuOld), 10);
  const t0 = performance.now();
  await client.invoke('update.run', { target: sha });
  const next = await waitForNewProcess(side.base, side.pid, installed.app.output);
  const cpuNew = cpuOf(next.pid, false) ?? 0;
  clearInterval(cpuSampler);
  client.close();
  const turnaround = performance.now() - t0;
  clearInterval(poster);
  clearInterval(sampler);
  const unreachable = await meter.stop();
  side.pid = next.pid;
  side.readyAt = performance.now();
  const closed = transitions.find((t) => t.live === 0)?.at ?? t0;
  const ready = transitions.filter((t) => t.live === 1).at(-1)?.at ?? performance.now();

  // Lost: posted but never stored. Duplicated: delivered to the panel more than once.
  const last = world.fake.postMessage(world.channelId, { authorId: world.userId, content: `${side.name} c${n} end` }).id;
  await world.fake.waitFor(() => events.seen.has(last), 15_000);
  events.stop();
  const fresh = await panelClient(installed.app.url);
  const list = await fresh.invoke<Array<{ id: string }>>('messages.list', { limit: 500 });
  fresh.close();
  const stored = new Set(list.ok ? list.value.map((m) => m.id) : []);
  const row: Row = {
    turnaround,
    gap: ready - closed,
    unreachable,
    identifies: world.fake.identifyCount(TOKEN),
    concurrent: world.fake.maxConcurrentSessions(TOKEN),
    lost: posted.filter((id) => !stored.has(id)).length,
    duplicated: [...events.seen.values()].filter((count) => count > 1).length,
    cpuOld: cpuOld - cpu0,
    cpuNew,
  };
  side.rows.push(row);
  console.log(
    `${side.name.padEnd(8)} cycle ${n}: turnaround ${s(row.turnaround)}, gateway gap ${s(row.gap)}, panel unreachable ${s(row.unreachable)}, ` +
      `identifies ${row.identifies}, max concurrent ${row.concurrent}, posted ${posted.length}, lost ${row.lost}, duplicated ${row.duplicated}; ` +
      `CPU ${(row.cpuOld + row.cpuNew).toFixed(2)} s (old + children ${row.cpuOld.toFixed(2)}, new until ready ${row.cpuNew.toFixed(2)}); load ${load}\n` +
      `         steps: ${steps.filter((x) => x.status === 'done').map((x) => `${x.step} ${s(x.durationMs)}`).join(', ')}`,
  );
  expect((await health(side.base)).commit).toBe(sha);
}

function summary(side: Side, rss: number): string {
  const r = side.rows;
  const m = (f: (row: Row) => number) => median(r.map(f));
  return (
    `${side.name.padEnd(8)} median of ${r.length}: turnaround ${s(m((x) => x.turnaround))}, gateway gap ${s(m((x) => x.gap))}, ` +
    `panel unreachable ${s(m((x) => x.unreachable))}, identifies ${m((x) => x.identifies)}, max concurrent ${Math.max(...r.map((x) => x.concurrent))}, ` +
    `lost ${r.reduce((a, x) => a + x.lost, 0)}, duplicated ${r.reduce((a, x) => a + x.duplicated, 0)}; CPU ${m((x) => x.cpuOld + x.cpuNew).toFixed(2)} s a cycle; ` +
    (Number.isFinite(rss) ? `idle RSS ${rss.toFixed(1)} MiB (settled, after a quiet minute)` : 'idle RSS not measured (BENCH_IDLE_RSS=0)')
  );
}

it(`update cycle × ${CYCLES}: ${SIDES.join(', ')} side by side`, async () => {
  if (SIDES.includes('baseline') && !BASELINE) throw new Error('BENCH_SIDES=baseline needs BENCH_BASELINE=<commit>');
  const sides: Side[] = [];
  // DISCORD_MONITOR_HANDOVER=off keeps the restart path: stop, relaunch detached, wait for our exit, bind, identify.
  if (SIDES.includes('restart')) sides.push(await startSide('restart', { DISCORD_MONITOR_HANDOVER: 'off' }));
  if (SIDES.includes('baseline')) sides.push(await startSide('baseline', {}, BASELINE));
  if (SIDES.includes('handover')) sides.push(await startSide('handover', {}));
  console.log(`sides: ${sides.map((x) => x.name).join(', ')}${BASELINE ? ` (baseline ${BASELINE.slice(0, 7)})` : ''}; releases change ${CODE_CHANGE ? 'the version and a bundled module' : 'the version only'}; load ${loadavg()}`);
  try {
    for (let n = 1; n <= CYCLES; n++) {
      for (const side of sides.filter((x) => !x.failed)) {
        // One side failing (its log tail printed) leaves the other's figures to report.
        await cycle(side, n).catch((err: unknown) => {
          side.failed = `cycle ${n}: ${err instanceof Error ? err.message : String(err)}`;
          console.log(`${side.name} ${side.failed}\n--- its log, last lines:\n${side.installed.app.output().split('\n').slice(-40).join('\n')}`);
        });
      }
    }
    const lines: string[] = [];
    // BENCH_IDLE_RSS=0 skips the quiet minute per side (turnaround comparisons).
    const idle = async (side: Side) => (process.env.BENCH_IDLE_RSS === '0' ? NaN : (await idleRss(side.pid, 150_000, 75_000)).settled.rss);
    for (const side of sides) lines.push(side.failed ? `${summary(side, NaN)} — FAILED at ${side.failed}` : summary(side, await idle(side)));
    console.log(`\n${lines.join('\n')}\nload average at the end ${loadavg()}\n(targets: turnaround ≤ 2.5 s, gateway gap ≤ 0.3 s, panel unreachable 0 s, identifies 1, max concurrent 1, lost 0, duplicated 0; idle RSS ≤ 90 MiB)\n`);
    expect(sides.filter((x) => x.failed).map((x) => `${x.name} ${x.failed}`)).toEqual([]);
  } finally {
    for (const side of sides) {
      await side.installed.close(side.pid);
      await side.world.close();
    }
  }
}, 1_200_000);
