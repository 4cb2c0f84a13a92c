// bench/stats: statistics (messages per day, busiest hours, top authors, attachments) over 1,000,000
// stored messages spread over a year, for the periods the panel offers, in a zone with daylight-saving
// changes. Run: npx vitest run -c vitest.bench.config.ts bench/stats.bench.ts (BENCH_MESSAGES=n to change the size).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { channelStats } from '../electron/core/messages/stats.js';
import { MessageStore } from '../electron/core/messages/store.js';
import { generateHistory } from './generate-history.js';

const N = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CHANNEL = '1100000000000000001';
const START = Date.UTC(2025, 0, 1);
const SPACING_MS = Math.floor((365 * 86_400_000) / N);
const VOCAB = Array.from({ length: 500 }, (_, i) => `w${i.toString(36)}`);
const DAY = 86_400_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

it(`statistics over ${N.toLocaleString('en-US')} stored messages`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-stats-'));
  const store = new MessageStore(join(dir, 'messages.sqlite'));
  try {
    generateHistory(store, { channelId: CHANNEL, count: N, startMs: START, spacingMs: SPACING_MS, vocab: VOCAB, authors: 200 });
    const end = START + 365 * DAY;
    const rows: string[] = [];
    for (const [name, days] of [['7 days', 7], ['30 days', 30], ['365 days', 365], ['all', null]] as const) {
      const ms: number[] = [];
      let total = 0;
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        // Both fields: the zone's name where it is understood, the offset where only that is.
        const req = { timeZone: 'Europe/Paris', tzOffsetMinutes: -60, ...(days === null ? {} : { from: end - days * DAY }) };
        total = channelStats(store, CHANNEL, req).total;
        ms.push(performance.now() - t);
      }
      rows.push(`  ${name.padEnd(9)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms   max ${Math.max(...ms).toFixed(0).padStart(5)} ms   (${total.toLocaleString('en-US')} messages)`);
    }
    console.log([`stats over ${N.toLocaleString('en-US')} messages (Europe/Paris)`, ...rows].join('\n'));
    expect(channelStats(store, CHANNEL, {}).total).toBe(N);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
