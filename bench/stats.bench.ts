// bench/stats: statistics (messages per day, busiest hours, top authors, attachments) over 1,000,000
// stored messages spread over a year, for the periods the panel offers, in a zone with daylight-saving
// changes; beside each time, the longest turn the event loop waited meanwhile (the gateway, every panel
// and /healthz wait that long). Run: npx vitest run -c vitest.bench.config.ts bench/stats.bench.ts
// (BENCH_MESSAGES=n to change the size).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { channelStats } from '../electron/core/messages/stats.js';
import { channelStatsSliced } from '../electron/core/messages/stats-sliced.js';
import { MessageStore } from '../electron/core/messages/store.js';
import { generateHistory } from './generate-history.js';

const N = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CHANNEL = '1100000000000000001';
const START = Date.UTC(2025, 0, 1);
const SPACING_MS = Math.floor((365 * 86_400_000) / N);
const VOCAB = Array.from({ length: 500 }, (_, i) => `w${i.toString(36)}`);
const DAY = 86_400_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
type Req = Parameters<typeof channelStats>[2];
// The panel's computation (in slices), then the one-pass reference it replaced, on the same store.
const WAYS = [
  ['sliced', (store: MessageStore, req: Req) => channelStatsSliced(store, CHANNEL, req)],
  ['one pass', (store: MessageStore, req: Req) => channelStats(store, CHANNEL, req)],
] as const;

/** The run's time and the longest the event loop went without a turn meanwhile (gaps in a setImmediate ticker). */
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number; turnMs: number }> {
  let turnMs = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    turnMs = Math.max(turnMs, now - last);
    last = now;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  await turn();
  const t = performance.now();
  const value = await run();
  const ms = performance.now() - t;
  // One more turn, so a run that never yielded is seen as the one long turn it was.
  await turn();
  await turn();
  ticking = false;
  return { value, ms, turnMs };
}

it(`statistics over ${N.toLocaleString('en-US')} stored messages`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-stats-'));
  const store = new MessageStore(join(dir, 'messages.sqlite'));
  try {
    generateHistory(store, { channelId: CHANNEL, count: N, startMs: START, spacingMs: SPACING_MS, vocab: VOCAB, authors: 200 });
    const end = START + 365 * DAY;
    const rows: string[] = [];
    for (const [way, statsOf] of WAYS) {
      rows.push(`  ${way}`);
      for (const [name, days] of [['7 days', 7], ['30 days', 30], ['365 days', 365], ['all', null]] as const) {
        const ms: number[] = [];
        const turns: number[] = [];
        let total = 0;
        for (let i = 0; i < 7; i++) {
          // Both fields: the zone's name where it is understood, the offset where only that is.
          const req = { timeZone: 'Europe/Paris', tzOffsetMinutes: -60, ...(days === null ? {} : { from: end - days * DAY }) };
          const run = await timed(() => statsOf(store, req));
          total = run.value.total;
          ms.push(run.ms);
          turns.push(run.turnMs);
        }
        rows.push(
          `    ${name.padEnd(9)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms   max ${Math.max(...ms).toFixed(0).padStart(5)} ms   longest turn p50 ${pct(turns, 50).toFixed(0).padStart(4)} ms, max ${Math.max(...turns).toFixed(0).padStart(4)} ms   (${total.toLocaleString('en-US')} messages)`,
        );
      }
    }
    console.log([`stats over ${N.toLocaleString('en-US')} messages (Europe/Paris)`, ...rows].join('\n'));
    expect((await channelStatsSliced(store, CHANNEL, {})).total).toBe(N);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
