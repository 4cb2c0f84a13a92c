// bench/idle-memory: idle memory of the built headless app with the bot connected (nothing posted),
// as shipped, with glibc's malloc defaults (the settings before the malloc tuning) and with V8's and
// malloc's defaults, beside a bare discord.js client connected to the same fake Discord in its own
// process (V8 defaults and --optimize-for-size), then where the shipped app's memory goes (/proc/<pid>/smaps
// by mapping, V8 heap vs the rest) and what each package the app loads costs on its own. Run: npm run build && npx vitest run -c vitest.bench.config.ts
// bench/idle-memory.bench.ts (BENCH_APP_DIR=<checkout> measures another build, e.g. a previous commit's).
// RSS = anon (the process's own) + file (mostly pages of the node executable: shared, and varying by a
// few MiB with what the page cache holds); compare anon between runs.
// Two figures per side, taken the same way for the app and the bare client: "ready" is the median of the
// 3 s after the bot is connected; "settled" the median of 3 s once RSS has moved less than 0.5 MiB in
// 10 s (V8's memory reducer runs a few seconds after startup work stops), 60 s at most.
// BENCH_BEFORE_DIR=<checkout> adds that build as a side too (before/after in one run).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { idleRss } from './idle-rss.js';
import { waitForNewProcess } from '../test/e2e/health.js';
import { startHeadless } from '../test/e2e/headless-process.js';
import { APP_DIR, createWorld, TOKEN, type World } from '../test/helpers/world.js';

const APP = process.env.BENCH_APP_DIR ?? APP_DIR;
const PROBE = join(APP_DIR, 'test', 'helpers', 'memory-probe.mjs');
const MiB = 2 ** 20;

/** Resident MiB by kind of mapping: the node binary's pages, native addons, other files; anon split into malloc's main heap and the rest. */
function smapsBreakdown(pid: number): Record<string, number> {
  const out: Record<string, number> = { 'node binary': 0, 'native addons': 0, 'other files': 0, 'anon: malloc main heap': 0, 'anon: other (V8 heap, malloc arenas, stacks)': 0 };
  const node = realpathSync(process.execPath);
  let kind = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const path = head[1]!;
      kind = path === node ? 'node binary' : path.endsWith('.node') ? 'native addons' : path.startsWith('/') ? 'other files' : path === '[heap]' ? 'anon: malloc main heap' : 'anon: other (V8 heap, malloc arenas, stacks)';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] = (out[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return out;
}

interface Probed {
  builtins: string[];
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  spaces: Record<string, number>;
  packages: string[];
}

/** Asks a process started with the probe for its figures (SIGUSR2) and reads them from its output. */
async function probe(child: ChildProcess, output: () => string): Promise<Probed> {
  const before = output().length;
  child.kill('SIGUSR2');
  const end = Date.now() + 5000;
  for (;;) {
    const m = /memory-probe (\{.*\})\n/.exec(output().slice(before));
    if (m) return JSON.parse(m[1]!) as Probed;
    if (Date.now() > end) throw new Error(`no memory-probe line within 5 s:\n${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const probeEnv = (on: boolean) => ({ NODE_OPTIONS: on ? `--expose-gc --import ${PROBE}` : '' });

/** The app, bot connected, then idle: /proc figures (no probe) and heap + packages (a second, probed run). */
async function measureApp(world: World, withProbe: boolean, v8Defaults: boolean, mallocDefaults: boolean, appDir = APP) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-idle-'));
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_MONITOR_V8_DEFAULTS: v8Defaults ? '1' : '',
    DISCORD_MONITOR_MALLOC_DEFAULTS: mallocDefaults ? '1' : '',
    ...probeEnv(withProbe),
  };
  const app = await startHeadless(['--data-dir', dataDir], env, 'headless.js', appDir);
  try {
    const { pid } = await waitForNewProcess(new URL(app.url).origin, -1, app.output);
    const idle = await idleRss(pid);
    return { idle, smaps: smapsBreakdown(pid), probed: withProbe ? await probe(app.child, app.output) : null };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureBare(world: World, withProbe: boolean, nodeArgs: string[]) {
  const child = spawn(process.execPath, [...nodeArgs, join(import.meta.dirname, 'bare-client.mjs')], {
    cwd: APP_DIR,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: world.fake.apiUrl, ...probeEnv(withProbe) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.on('error', (err) => (out += `spawn failed: ${err.message}\n`));
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await world.fake.waitFor(() => out.includes('ready\n'), 15_000);
    const idle = await idleRss(child.pid!);
    return { idle, smaps: smapsBreakdown(child.pid!), probed: withProbe ? await probe(child, () => out) : null };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Each direct dependency alone, on top of the previous ones, in a fresh process (bench/import-cost.mjs). */
async function importCosts(loaded: string[]): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // discord.js first: what any bot pays. @discordjs/ws is left out: the app requires the copy discord.js
  // loaded, while an import here would load its ESM build, a second copy.
  const direct = ['discord.js', ...Object.keys(pkg.dependencies).filter((name) => name !== 'discord.js' && name !== '@discordjs/ws')].filter((name) => loaded.includes(name));
  const child = spawn(process.execPath, ['--expose-gc', join(import.meta.dirname, 'import-cost.mjs'), ...direct], { cwd: APP_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`import-cost exited with ${code}`);
  return out;
}

const f = (x: number) => x.toFixed(1).padStart(6);

it('idle memory: the headless app with the bot connected beside a bare discord.js client', async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  try {
    // Each side twice: /proc figures without the probe, heap figures and packages with it.
    const before = process.env.BENCH_BEFORE_DIR;
    const sides = [
      { name: 'headless app (as shipped)', run: (p: boolean) => measureApp(world, p, false, false) },
      ...(before ? [{ name: 'app before (BENCH_BEFORE_DIR)', run: (p: boolean) => measureApp(world, p, false, false, before) }] : []),
      { name: 'app, malloc defaults (old)', run: (p: boolean) => measureApp(world, p, false, true) },
      { name: 'app, V8 + malloc defaults', run: (p: boolean) => measureApp(world, p, true, true) },
      { name: 'bare discord.js client', run: (p: boolean) => measureBare(world, p, []) },
      { name: 'bare, --optimize-for-size', run: (p: boolean) => measureBare(world, p, ['--optimize-for-size']) },
    ];
    const lines = [`${'idle, bot connected (MiB)'.padEnd(30)} ready: RSS   anon | settled: RSS   anon   file | heapUsed heapTotal new_space external`];
    let shipped: Probed | null = null;
    let shippedPlain: Awaited<ReturnType<typeof measureApp>> | null = null;
    for (const side of sides) {
      const plain = await side.run(false);
      const p = (await side.run(true)).probed!;
      shipped ??= p;
      shippedPlain ??= plain;
      const { ready, settled } = plain.idle;
      lines.push(
        `${side.name.padEnd(30)}     ${f(ready.rss)} ${f(ready.anon)} |      ${f(settled.rss)} ${f(settled.anon)} ${f(settled.file)} |   ${f(p.heapUsed / MiB)}   ${f(p.heapTotal / MiB)}    ${f((p.spaces.new_space ?? 0) / MiB)}  ${f(p.external / MiB)}`,
      );
    }
    const shippedRss = shippedPlain!.idle.settled.rss;
    const where = Object.entries(shippedPlain!.smaps).map(([kind, mib]) => `${kind} ${mib.toFixed(1)}`);
    const heap = shipped!.heapTotal / MiB;
    const nodeUndici = shipped!.builtins.some((m) => m.includes('undici'));
    lines.push(
      `idle RSS ${shippedRss.toFixed(1)} MiB settled, ${shippedPlain!.idle.ready.rss.toFixed(1)} just after connecting (target ≤ 90 MiB)`,
      `where the shipped app's RSS goes (MiB, smaps): ${where.join(', ')}`,
      `  of the anon ${shippedPlain!.idle.settled.anon.toFixed(1)}: V8 heap ${heap.toFixed(1)} (live ${(shipped!.heapUsed / MiB).toFixed(1)}), external ${(shipped!.external / MiB).toFixed(1)}, malloc and the rest ${(shippedPlain!.idle.settled.anon - heap - shipped!.external / MiB).toFixed(1)}; Node's bundled undici loaded: ${nodeUndici ? 'yes' : 'no'}`,
      `packages loaded at idle by the app: ${shipped!.packages.join(', ')}`,
    );
    console.log(`\n${lines.join('\n')}\n\nwhat each package costs, imported one after the other in a fresh process (MiB):\n${await importCosts(shipped!.packages)}`);
    expect(shippedRss).toBeGreaterThan(0);
  } finally {
    await world.close();
  }
});
