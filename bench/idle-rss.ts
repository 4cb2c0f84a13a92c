// Idle RSS of a process as the benches read it, the same rule for ours and a bare client: "ready" is the
// median of the first 3 s; "settled" the median of the last 3 s once RSS has moved less than 0.5 MiB in
// 10 s (V8's memory reducer runs a few seconds after work stops), not before `minMs` (the store's write
// thread ends after a quiet minute: a bench that just posted messages waits that long), `maxMs` at most.
import { readFileSync } from 'node:fs';

export type Figures = { rss: number; anon: number; file: number };

const STEP = 250;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (samples: Figures[]): Figures => ({ rss: median(samples.map((x) => x.rss)), anon: median(samples.map((x) => x.anon)), file: median(samples.map((x) => x.file)) });

export function procStatus(pid: number): Figures {
  const st = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(st)?.[1] ?? NaN) / 1024;
  return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile') };
}

/** /proc samples every 250 ms until RSS holds still (or `maxMs`): the first 3 s and the last 3 s. */
export async function idleRss(pid: number, maxMs = 60_000, minMs = 0): Promise<{ ready: Figures; settled: Figures; waitedMs: number }> {
  const samples: Figures[] = [];
  const start = Date.now();
  const window = 10_000 / STEP;
  for (;;) {
    samples.push(procStatus(pid));
    const last = samples.slice(-window).map((x) => x.rss);
    const still = samples.length >= window && Math.max(...last) - Math.min(...last) < 0.5 && Date.now() - start >= minMs;
    if (still || Date.now() - start > maxMs) break;
    await new Promise((r) => setTimeout(r, STEP));
  }
  return { ready: medianOf(samples.slice(0, 3000 / STEP)), settled: medianOf(samples.slice(-3000 / STEP)), waitedMs: Date.now() - start };
}
