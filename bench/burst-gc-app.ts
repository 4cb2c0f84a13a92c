// The headless app (from source, no panel open) for bench/burst-gc: V8's flags as the variant says,
// then per burst the GCs V8 ran (perf_hooks 'gc' entries), CPU, event-loop p99 and the young generation's size.
// BENCH_IDLE_FLAGS: flags set at start instead of v8-tuning.ts's ('' = V8 defaults; unset = as shipped).
// BENCH_BURST: 'off' (burst mode never lifts anything), unset (as committed), or '<on flags>|<off flags>'.
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';

const idle = process.env.BENCH_IDLE_FLAGS;
if (idle === undefined) await import('../electron/headless/v8-tuning.js');
else if (idle !== '') {
  setFlagsFromString(idle);
  (globalThis as Record<symbol, unknown>)[Symbol.for('discord-monitor.v8-size-tuned')] = idle;
}
const { join } = await import('node:path');
const { monitorEventLoopDelay, PerformanceObserver, constants } = await import('node:perf_hooks');
const Database = (await import('better-sqlite3')).default;
const { parseHeadlessArgs } = await import('../electron/headless/args.js');
const { runHeadless } = await import('../electron/headless/run.js');
// BENCH_NO_GC_WATCH=1: burst mode without its scavenge watch (only the sink's busy() calls), as committed before.
const MARK = Symbol.for('discord-monitor.v8-size-tuned');
const mark = (globalThis as Record<symbol, unknown>)[MARK];
if (process.env.BENCH_NO_GC_WATCH === '1') delete (globalThis as Record<symbol, unknown>)[MARK];
const { burstMode } = await import('../electron/core/bot/burst-mode.js');
if (mark !== undefined) (globalThis as Record<symbol, unknown>)[MARK] = mark;

let lifted = 0;
const mode = burstMode as unknown as { set(f: string): void; busy(): void };
const original = mode.set.bind(burstMode);
const spec = process.env.BENCH_BURST;
mode.set = (f: string) => {
  if (f.startsWith('--no-')) lifted++;
  if (spec === 'off') return;
  if (spec === undefined) return original(f);
  const [on, off] = spec.split('|') as [string, string];
  setFlagsFromString(f.startsWith('--no-') ? on : off);
};

const [dataDir, rendererDir] = process.argv.slice(2) as [string, string];
const app = await runHeadless(parseHeadlessArgs(['--port', '0', '--data-dir', dataDir]), process.env, join(import.meta.dirname, '..'), {}, { rendererDir });
const deadline = Date.now() + 60_000;
while (app.core.monitor.status().state !== 'connected') {
  if (Date.now() > deadline) throw new Error(`bot not connected: ${JSON.stringify(app.core.monitor.status())}`);
  await new Promise((r) => setTimeout(r, 50));
}

const gc = { minor: 0, major: 0, minorMs: 0, majorMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail: { kind: number } }).detail.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      gc.minor++;
      gc.minorMs += e.duration;
    } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.major++;
      gc.majorMs += e.duration;
    }
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ type: 'gc' });
const newSpace = () => (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 ** 20;

let seen = 0;
let first = 0;
let cpu = process.cpuUsage();
let start = { ...gc };
let onSeen: (() => void) | null = null;
let newMax = 0;
const lag = monitorEventLoopDelay({ resolution: 5 });
setInterval(() => (newMax = Math.max(newMax, newSpace())), 20).unref();
app.core.bus.on('message.created', () => {
  if (!first) first = Date.now();
  seen++;
  onSeen?.();
});

type Request = { id: number; op: 'arm' } | { id: number; op: 'collect'; ids: string[] } | { id: number; op: 'heap' } | { id: number; op: 'stop' };
process.on('message', (req: Request) => {
  const reply = (value: unknown) => process.send!({ id: req.id, value });
  switch (req.op) {
    case 'arm':
      seen = 0;
      first = 0;
      newMax = 0;
      lag.reset();
      lag.enable();
      cpu = process.cpuUsage();
      gc.maxMs = 0;
      start = { ...gc };
      return reply(true);
    case 'collect': {
      const last = req.ids.at(-1)!;
      const db = new Database(join(dataDir, 'messages.sqlite'), { readonly: true, fileMustExist: true });
      const stored = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM messages WHERE id = ?');
      const check = () => {
        newMax = Math.max(newMax, newSpace());
        onSeen = null;
        if (seen < req.ids.length) return void (onSeen = () => ((onSeen = null), setImmediate(check)));
        if (!stored.get(last)) return void setTimeout(check, 1);
        const at = Date.now();
        lag.disable();
        db.close();
        const used = process.cpuUsage(cpu);
        reply({ ms: at - first, cpuUs: (used.user + used.system) / req.ids.length, lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6, minor: gc.minor - start.minor, major: gc.major - start.major, pauseMs: gc.minorMs + gc.majorMs - start.minorMs - start.majorMs, maxPause: gc.maxMs, newMax, lifted });
      };
      return check();
    }
    case 'heap':
      return reply({ newSpace: newSpace(), lifted });
    case 'stop':
      return void app.stop().then(() => (reply(true), setImmediate(() => process.exit(0))));
  }
});
process.send!({ ready: true, pid: process.pid, lifted });
