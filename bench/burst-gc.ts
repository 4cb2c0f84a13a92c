// bench/burst-gc: V8 flag variants of the headless app (from source, no panel) against the fake Discord,
// one app at a time, interleaved per round: 3 bursts of BENCH_BURST_N messages each, then per burst
// scavenges / mark-compacts, their total pause, CPU µs a message, event-loop p99, the young generation's
// largest size, and after the bursts the settled RSS (bench/idle-rss.ts's rule, after the quiet minute).
// Run: node --experimental-transform-types --no-warnings --import ./test/helpers/ts-loader.mjs bench/burst-gc.ts
// BENCH_VARIANTS=a,b (names below) picks variants; BENCH_ROUNDS rounds (default 2); BENCH_EXTRA='{"name":
// {"idle":"<flags at start>","burst":"<lift flags>|<idle flags>"}}' adds variants (bench/burst-gc-app.ts says how).
// No gap between a variant's bursts: burst 1 starts from the idle tuning, 2 and 3 within burst mode's 30 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeProcess } from './fake-process.js';
import { forkChild } from './ipc-child.js';
import { idleRss } from './idle-rss.js';
import { TS_NODE } from '../test/helpers/ts-node.js';

const ALL: Record<string, { idle?: string; burst?: string; noGcWatch?: boolean }> = {
  defaults: { idle: '' },
  'shipped-no-burst': { burst: 'off' },
  // Burst mode as in commit 5ad542b: only the size flag lifted, only when the sink calls busy().
  committed: { burst: '--no-optimize-for-size|--optimize-for-size', noGcWatch: true },
  // Since 5484a88 'all' is the size flag and the growth factor (the code-flushing flags never change at run time).
  'lift-all-sink-only': { noGcWatch: true },
  shipped: {},
  ...JSON.parse(process.env.BENCH_EXTRA ?? '{}'),
};
const N = Number(process.env.BENCH_BURST_N ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BURSTS = 3;
const names = process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(',') : Object.keys(ALL);
const TS = TS_NODE;
const RENDERER = join(import.meta.dirname, '..', '.vite', 'renderer', 'main_window');
const la = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Burst { ms: number; cpuUs: number; lagP99: number; lagMax: number; minor: number; major: number; pauseMs: number; maxPause: number; newMax: number; lifted: number }

for (let round = 1; round <= ROUNDS; round++) {
  const order = round % 2 ? names : [...names].reverse();
  for (const name of order) {
    const v = ALL[name]!;
    const fake = await startFakeProcess();
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-burst-gc-'));
    const env: NodeJS.ProcessEnv = { DISCORD_API_URL: fake.info.apiUrl, DISCORD_CDN_URL: fake.info.cdnUrl, DISCORD_GUILD_ID: fake.info.guildId, DISCORD_CHANNEL_ID: fake.info.channelId, DISCORD_TOKEN: fake.info.ours, DISCORD_MONITOR_V8_DEFAULTS: '' };
    delete process.env.BENCH_IDLE_FLAGS;
    delete process.env.BENCH_NO_GC_WATCH;
    delete process.env.BENCH_BURST;
    if (v.idle !== undefined) env.BENCH_IDLE_FLAGS = v.idle;
    if (v.burst !== undefined) env.BENCH_BURST = v.burst;
    if (v.noGcWatch) env.BENCH_NO_GC_WATCH = '1';
    const app = await forkChild<{ pid?: number; lifted: number }>(join(import.meta.dirname, 'burst-gc-app.ts'), [dataDir, RENDERER], { execArgv: TS, env, readyWithinMs: 90_000 });
    try {
      const rows: Burst[] = [];
      for (let b = 0; b < BURSTS; b++) {
        await app.ask('arm');
        const ids = await fake.burst(N);
        rows.push(await app.ask<Burst>('collect', { ids }));
      }
      const pid = app.ready.pid;
      const rss = pid ? await idleRss(pid, 120_000, 65_000) : null;
      const heap = await app.ask<{ newSpace: number; lifted: number }>('heap');
      for (const [i, r] of rows.entries())
        console.log(`r${round} ${name.padEnd(22)} burst ${i + 1}: ${Math.round(N / (r.ms / 1000))} msg/s  cpu ${r.cpuUs.toFixed(0)} µs/msg  p99 ${r.lagP99.toFixed(0)} ms (max ${r.lagMax.toFixed(0)})  scavenges ${r.minor}  mark-compacts ${r.major}  gc pause ${r.pauseMs.toFixed(0)} ms (max ${r.maxPause.toFixed(0)})  new space max ${r.newMax.toFixed(1)} MiB  lifted ${r.lifted}`);
      console.log(`r${round} ${name.padEnd(22)} lifted at ready ${app.ready.lifted}, at the end ${heap.lifted}; settled RSS ${rss ? `${rss.settled.rss.toFixed(1)} MiB (anon ${rss.settled.anon.toFixed(1)}, after ${(rss.waitedMs / 1000).toFixed(0)} s)` : 'n/a'}  new space at rest ${heap.newSpace.toFixed(1)} MiB | load ${la()}`);
    } finally {
      await app.ask('stop', {}, 15_000).catch(() => undefined);
      await app.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
