// bench/idle-after-traffic: where the idle RSS of the built headless app goes after live traffic, phase by
// phase in one process: fresh and settled; after BENCH_MESSAGES live messages (default 300, one every 100 ms,
// as update-cycle posts them) and a quiet minute (the write thread ends); after a messages.list of 500.
// Each phase: settled RSS (anon/file), smaps by kind, V8 heap spaces and malloc arena figures (gdb, when
// installed: malloc_info of the process). Run: npm run build && npx vitest run -c vitest.bench.config.ts bench/idle-after-traffic.bench.ts
// BENCH_UPDATES=5 adds the process that took over after 5 updates (-t "took over" runs it alone; BENCH_HANDOVER=off:
// the restart path), with its malloc heap over time; BENCH_GDB=1 adds malloc_info and what malloc_trim(0)
// would give back; BENCH_V8_EXTRA='--flag' tries V8 flags in the installed copy. MALLOC_* in the environment
// are kept by the app (to try other malloc settings). The probe it preloads costs ~1-2 MiB of its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { idleRss, procStatus, type Figures } from './idle-rss.js';
import { waitForNewProcess } from '../test/e2e/health.js';
import { startHeadless } from '../test/e2e/headless-process.js';
import { bumpVersion, git, startInstalledApp } from '../test/e2e/installed-checkout.js';
import { panelClient } from '../test/e2e/ws-client.js';
import { APP_DIR, createWorld, TOKEN } from '../test/helpers/world.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const PROBE = join(APP_DIR, 'test', 'helpers', 'memory-probe.mjs');
const MiB = 2 ** 20;

/** Resident MiB: [heap] (malloc's main arena), other anon, node binary, other files. */
function smaps(pid: number): Record<string, number> {
  const out: Record<string, number> = { heap: 0, anon: 0, binary: 0, files: 0 };
  let kind = 'anon';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const path = head[1]!;
      kind = path === '[heap]' ? 'heap' : path.endsWith('/node') ? 'binary' : path.startsWith('/') ? 'files' : 'anon';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] = out[kind]! + Number(rss[1]) / 1024;
  }
  return out;
}

/** glibc's own account (gdb calls malloc_info in the process): bytes in use and free per arena, summed. */
function mallocInfo(pid: number): string {
  try {
    const out = execFileSync('gdb', ['-p', String(pid), '-batch', '-ex', 'call (int) malloc_info(0, (void*) stderr)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    return out;
  } catch (err) {
    return `gdb: ${(err as Error).message.split('\n')[0]}`;
  }
}

/** malloc_info's totals, then RSS after gdb calls malloc_trim(0): how much of the anon is malloc's free memory. */
async function mallocFigures(app: { output: () => string }, pid: number): Promise<string> {
  const before = app.output().length;
  mallocInfo(pid);
  await new Promise((r) => setTimeout(r, 1000));
  const xml = app.output().slice(before);
  const totals = [...xml.matchAll(/<(total|system) type="(\w+)" (?:count="(\d+)" )?size="(\d+)"\/>/g)].slice(-8).map((m) => `${m[1]} ${m[2]} ${f(Number(m[4]) / MiB)}`);
  const rss0 = procStatus(pid).rss;
  try {
    execFileSync('gdb', ['-p', String(pid), '-batch', '-ex', 'call (int) malloc_trim(0)'], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    /* reported by the figure */
  }
  await new Promise((r) => setTimeout(r, 2000));
  return `  malloc: ${totals.join(', ')}; RSS ${f(rss0)} → ${f(procStatus(pid).rss)} after malloc_trim(0)`;
}

async function probe(app: { output: () => string }, pid: number): Promise<Record<string, unknown>> {
  const before = app.output().length;
  process.kill(pid, 'SIGUSR2');
  const end = Date.now() + 5000;
  for (;;) {
    const m = /memory-probe (\{.*\})\n/.exec(app.output().slice(before));
    if (m) return JSON.parse(m[1]!) as Record<string, unknown>;
    if (Date.now() > end) throw new Error('no memory-probe line');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const f = (x: number) => x.toFixed(1);
const line = (name: string, s: Figures, m: Record<string, number>) =>
  `${name.padEnd(22)} RSS ${f(s.rss)} anon ${f(s.anon)} file ${f(s.file)} | smaps [heap] ${f(m.heap!)} other anon ${f(m.anon!)} binary ${f(m.binary!)} files ${f(m.files!)}`;

it(`idle RSS after ${MESSAGES} live messages and a messages.list of 500`, async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-after-traffic-'));
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, NODE_OPTIONS: `--import ${PROBE}` };
  const app = await startHeadless(['--data-dir', dataDir], env);
  const lines: string[] = [];
  const heaps: string[] = [];
  try {
    const { pid } = await waitForNewProcess(new URL(app.url).origin, -1, app.output);
    const phase = async (name: string, minMs: number) => {
      const { settled } = await idleRss(pid, 150_000, minMs);
      lines.push(line(name, settled, smaps(pid)));
      const p = (await probe(app, pid)) as { heapTotal: number; heapUsed: number; external: number; spaces: Record<string, number>; packages: string[] };
      heaps.push(`${name}: heapTotal ${f(p.heapTotal / MiB)} used ${f(p.heapUsed / MiB)} external ${f(p.external / MiB)}; ${Object.entries(p.spaces).map(([k, v]) => `${k} ${f(v / MiB)}`).join(', ')}; packages ${p.packages.length}`);
      if (process.env.BENCH_GDB === '1') lines.push(await mallocFigures(app, pid));
    };
    await phase('fresh', 0);
    const posted: string[] = [];
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `traffic #${posted.length}` }).id);
        if (posted.length >= MESSAGES) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
    });
    const client = await panelClient(app.url);
    await phase(`after ${MESSAGES} messages`, 75_000);
    const list = await client.invoke<unknown[]>('messages.list', { limit: 500 });
    client.close();
    expect(list.ok).toBe(true);
    await phase('after messages.list', 0);
    console.log(`\n${lines.join('\n')}\n${heaps.join('\n')}\n`);
  } finally {
    await app.stop();
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 900_000);

// BENCH_UPDATES=n: an installed checkout updated n times (handover; BENCH_HANDOVER=off: restart) with a
// message every 100 ms during each update, then the successor's phases as above.
const UPDATES = Number(process.env.BENCH_UPDATES ?? 0);
it.runIf(UPDATES > 0)(`idle RSS of the process that took over after ${UPDATES} updates`, async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const env = { NODE_OPTIONS: `--import ${PROBE}`, ...(process.env.BENCH_HANDOVER === 'off' ? { DISCORD_MONITOR_HANDOVER: 'off' } : {}) };
  // BENCH_V8_EXTRA: V8 flags added to the shipped start-only tuning (never changed at run time), committed in the installed copy and its origin (so every release has them).
  const extra = process.env.BENCH_V8_EXTRA;
  const installed = await startInstalledApp(world, env, extra ? (checkout) => {
    const file = join(checkout.dir, 'electron', 'headless', 'v8-tuning.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("--flush-baseline-code'", `--flush-baseline-code ${extra}'`));
    git(checkout.dir, 'commit', '-qam', `V8 tuning + ${extra}`);
    git(checkout.dir, 'push', '-q', 'origin', 'HEAD');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: checkout.dir, stdio: 'ignore' });
  } : undefined);
  const base = new URL(installed.app.url).origin;
  let pid = (await waitForNewProcess(base, -1, installed.app.output)).pid;
  const lines: string[] = [];
  const phase = async (name: string, minMs: number) => {
    const { settled } = await idleRss(pid, 150_000, minMs);
    lines.push(line(name, settled, smaps(pid)));
    const p = (await probe(installed.app, pid)) as { heapTotal: number; heapUsed: number; external: number; spaces: Record<string, number>; packages: string[]; files: string[]; malloc: unknown; builtins: string[] };
    lines.push(`  heapTotal ${f(p.heapTotal / MiB)} used ${f(p.heapUsed / MiB)} external ${f(p.external / MiB)}; new ${f(p.spaces.new_space! / MiB)} old ${f(p.spaces.old_space! / MiB)} code ${f(p.spaces.code_space! / MiB)}; malloc ${JSON.stringify(p.malloc)}; packages ${p.packages.join(',')}; files ${p.files.length} builtins ${p.builtins.length}`);
    if (process.env.BENCH_GDB === '1') lines.push(await mallocFigures(installed.app, pid));
    lines.push(`  environ MALLOC: ${readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter((x) => x.startsWith('MALLOC')).join(' ')}; cmdline ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 300)}`);
  };
  // The last successor's malloc heap ([heap] mapping: size = what brk holds, Rss) over time, from standby on.
  const timeline: string[] = [];
  const t0 = performance.now();
  const mark = (what: string) => timeline.push(`${((performance.now() - t0) / 1000).toFixed(1)} s ${what}`);
  let watched = 0;
  let lastSize = 0;
  let watching = false;
  const sampler = setInterval(() => {
    if (!watching) return;
    if (!watched) {
      for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
        try {
          if (Number(d) !== pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--standby')) watched = Number(d);
        } catch {
          /* gone */
        }
      }
      if (watched) mark(`standby pid ${watched}`);
      return;
    }
    try {
      const m = /^[0-9a-f]+-[0-9a-f]+ [^\n]*\[heap\]\nSize:\s+(\d+) kB\n(?:\w+:\s+\d+ kB\n)*?Rss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${watched}/smaps`, 'utf8'));
      const size = Number(m?.[1] ?? 0) / 1024;
      if (Math.abs(size - lastSize) >= 0.25) mark(`[heap] size ${f(size)} rss ${f(Number(m?.[2] ?? 0) / 1024)}; RSS ${f(procStatus(watched).rss)}`);
      lastSize = size;
    } catch {
      mark(`${watched} gone`);
      watched = 0;
    }
  }, 100);
  try {
    await phase('installed, fresh', 0);
    for (let n = 1; n <= UPDATES; n++) {
      if (n === UPDATES) {
        watching = true;
        mark('last update starts');
      }
      const sha = installed.checkout.push(`Release 9.${n}.0`, (d) => bumpVersion(d, `9.${n}.0`));
      const client = await panelClient(installed.app.url);
      const view = await client.invoke<{ target: string }>('update.check');
      expect(view.ok && view.value.target).toBe(sha);
      let posted = 0;
      const poster = setInterval(() => (world.fake.postMessage(world.channelId, { authorId: world.userId, content: `u${n} #${posted++}` }), undefined), 100);
      await client.invoke('update.run', { target: sha });
      pid = (await waitForNewProcess(base, pid, installed.app.output)).pid;
      if (n === UPDATES) mark('successor connected');
      clearInterval(poster);
      client.close();
      const fresh = await panelClient(installed.app.url);
      await fresh.invoke('messages.list', { limit: 500 });
      fresh.close();
      if (n === UPDATES) mark('messages.list done');
      await new Promise((r) => setTimeout(r, 6000)); // Discord's IDENTIFY spacing between two updates
    }
    await phase(`after ${UPDATES} updates`, 75_000);
    clearInterval(sampler);
    console.log(`\n${lines.join('\n')}\n${timeline.join('\n')}\n`);
  } finally {
    clearInterval(sampler);
    await installed.close(pid);
    await world.close();
  }
}, 1_200_000);
