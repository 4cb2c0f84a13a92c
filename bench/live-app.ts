// The headless app (from source, the panel from a build) in its own process for bench/live-ingest,
// driven over IPC: `arm` before a burst, `collect` with the posted ids once it was sent. Measures in
// the app's own process: first message announced, the last one stored (committed, read back on a
// second connection), event-loop lag during the burst, lost and duplicated on the event bus.
// First, as the headless entry does: V8's flags as shipped (--optimize-for-size and the growth factor
// lifted during a burst by burst-mode.ts; the code-flushing flags set once). BENCH_BURST_FLAGS must not
// name --flush-baseline-code: changed at run time it crashed V8 (burst-mode.ts). Without it this bench measured V8's defaults, which the app never
// runs with (half the CPU per message). DISCORD_MONITOR_V8_DEFAULTS=1 measures those, to compare.
import '../electron/headless/v8-tuning.js';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { parseHeadlessArgs } from '../electron/headless/args.js';
import { runHeadless } from '../electron/headless/run.js';
import { burstMode } from '../electron/core/bot/burst-mode.js';

// How many times burst mode lifted V8's tuning (its private setter wrapped), said per round, and when
// (messages announced since `arm` at the lift: a lift late in the first burst leaves most of it tuned for size).
let seen: string[] = [];
let lifted = 0;
let liftedAt: number | null = null;
const mode = burstMode as unknown as { set(flags: string): void };
const setFlags = mode.set.bind(burstMode);
// BENCH_BURST_FLAGS: what burst mode sets instead of BURST_FLAGS (a variant to compare; the idle tuning it restores is unchanged).
const burstFlags = process.env.BENCH_BURST_FLAGS;
mode.set = (flags) => {
  if (flags.startsWith('--no-')) {
    lifted++;
    liftedAt = seen.length;
  }
  setFlags(flags.startsWith('--no-') && burstFlags ? burstFlags : flags);
};
// V8's collections since `arm`: scavenges, mark-compacts, their pauses (the longest is a candidate for the lag's p99).
const gc = { minor: 0, major: 0, pauseMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor++;
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
    gc.pauseMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ type: 'gc' });

const [dataDir, rendererDir] = process.argv.slice(2) as [string, string];
const app = await runHeadless(parseHeadlessArgs(['--port', '0', '--data-dir', dataDir]), process.env, join(import.meta.dirname, '..'), {}, { rendererDir });
const reader = () => new Database(join(dataDir, 'messages.sqlite'), { readonly: true, fileMustExist: true });

type Request = { id: number; op: 'arm' } | { id: number; op: 'frame'; last: string } | { id: number; op: 'collect'; ids: string[] } | { id: number; op: 'stop' };

let first = 0;
/** When the newest message was announced on the bus (before it was stored). */
let lastSeen = 0;
let cpu = process.cpuUsage();
// The event loop's own thread: the process's CPU also counts the store's write thread and V8's helpers.
let mainCpu = process.threadCpuUsage();
let onSeen: (() => void) | null = null;
const lag = monitorEventLoopDelay({ resolution: 5 });
// Stage timing: every text frame sent to a panel since `arm` (when queued on the socket, when written, its
// length), the last 16 whole (keeping every frame's text held megabytes through the burst: GC work counted as ours).
let sent: Array<{ at: number; written: number; length: number; text: string }> = [];
const send = WebSocket.prototype.send as (this: WebSocket, data: unknown, options: object, cb: (err?: Error) => void) => void;
// The product sends text with at most a callback (ws-bridge.ts); ours marks when it was written, then calls the product's.
WebSocket.prototype.send = function (this: WebSocket, data: unknown, cb?: (err?: Error) => void) {
  const entry = { at: Date.now(), written: 0, length: typeof data === 'string' ? data.length : 0, text: typeof data === 'string' ? data : '' };
  sent.push(entry);
  if (sent.length > 16) sent[sent.length - 17]!.text = '';
  send.call(this, data, {}, (err) => ((entry.written = Date.now()), typeof cb === 'function' && cb(err)));
} as typeof WebSocket.prototype.send;
app.core.bus.on('message.created', (m) => {
  if (!first) first = Date.now();
  seen.push(m.id);
  lastSeen = Date.now();
  onSeen?.();
});

// Where a burst's messages wait (sampled every 5 ms): handled by discord.js but not by the sink yet, and handed to the write thread but not committed.
const sink = (app.core.monitor as unknown as { sink: { pending: unknown[]; head: number; storage: { writing: Map<string, unknown>; queue: Map<string, unknown> } } }).sink;
const waiting = { sink: 0, writing: 0 };
setInterval(() => {
  waiting.sink = Math.max(waiting.sink, sink.pending.length - sink.head);
  waiting.writing = Math.max(waiting.writing, sink.storage.writing.size + sink.storage.queue.size);
}, 5).unref();
process.on('message', (req: Request) => {
  const reply = (value: unknown) => process.send!({ id: req.id, value });
  switch (req.op) {
    case 'arm':
      seen = [];
      sent = [];
      first = 0;
      liftedAt = null;
      Object.assign(waiting, { sink: 0, writing: 0 });
      Object.assign(gc, { minor: 0, major: 0, pauseMs: 0, maxMs: 0 });
      lag.reset();
      lag.enable();
      cpu = process.cpuUsage();
      mainCpu = process.threadCpuUsage();
      return reply(true);
    case 'collect': {
      const last = req.ids.at(-1)!;
      const db = reader();
      const stored = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM messages WHERE id = ?');
      // Checked on the turn after an announcement: a slice writes its batch before the turn ends.
      let queued = false;
      const check = () => {
        queued = false;
        onSeen = null;
        if (seen.length < req.ids.length) return void (onSeen = () => (queued ||= (setImmediate(check), true)));
        if (!stored.get(last)) return void setTimeout(check, 1);
        const at = Date.now();
        lag.disable();
        const got = new Set(seen);
        db.close();
        const used = process.cpuUsage(cpu);
        const main = process.threadCpuUsage(mainCpu);
        reply({ first, lastSeen, stored: at, cpuMs: (used.user + used.system) / 1000, mainCpuMs: (main.user + main.system) / 1000, lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6, lost: req.ids.filter((id) => !got.has(id)).length, duplicated: seen.length - got.size, lifted, liftedAt, gc: { ...gc }, waiting: { ...waiting } });
      };
      return check();
    }
    case 'frame': {
      // Asked once the page showed it: the frame carrying the last message, queued and written to the socket.
      const frame = sent.find((f) => f.text.includes(`"id":"${req.last}"`));
      return reply({ sent: frame?.at ?? null, written: frame?.written || null, each: sent.map((f) => [f.written, f.length]) });
    }
    case 'stop':
      // A normal exit, so --cpu-prof writes its profile.
      return void app.stop().then(() => (reply(true), setImmediate(() => process.exit(0))));
  }
});
process.send!({ ready: true, url: app.panel.url });
// BENCH_DEBUG_APP=1: every 2 s on stderr (shown if the round fails) where messages wait and the gateway's state:
// how a run that never finished (the app died at a burst's start, burst-mode.ts) was told from a stall.
if (process.env.BENCH_DEBUG_APP) {
  const mon = app.core.monitor as unknown as { client: { ws: { ping: number; status: number }; } | null; current: { state: string } };
  setInterval(() => process.stderr.write(`app: seen ${seen.length} sinkPending ${sink.pending.length - sink.head} held ${(sink as unknown as { held: unknown[] | null }).held?.length ?? 'null'} writing ${sink.storage.writing.size + sink.storage.queue.size} state ${mon.current.state} ping ${mon.client?.ws.ping} wsStatus ${mon.client?.ws.status}\n`), 2000).unref();
}
