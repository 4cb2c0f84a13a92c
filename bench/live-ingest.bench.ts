// bench/live-ingest: a 10,000-message burst on the fake Discord (in its own process), received by a
// bare discord.js client (the floor) and by our core (stored + announced on the panel's event bus),
// one after the other in each round. Prints receive rates side by side, event-loop lag p99 during
// the burst, lost/duplicated, and store bytes per message. Run: npx vitest run -c vitest.bench.config.ts bench/live-ingest.bench.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { expect, it } from 'vitest';
import { createCore } from '../electron/core/app-core.js';
import { FileSecretBox } from '../electron/core/settings/file-secret-box.js';
import { confStore } from '../electron/headless/run.js';
import { startFakeProcess } from './fake-process.js';

const N = Number(process.env.BENCH_BURST ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DEADLINE_MS = 120_000;

interface Row {
  rate: number;
  lagP99: number;
  lagMax: number;
  lost: number;
  duplicated: number;
}

/** Receives `ids` through `subscribe`, timing first→last arrival and the event loop meanwhile. */
async function measure(ids: Promise<string[]>, subscribe: (on: (id: string) => void) => () => void, after: () => Promise<void> = async () => {}): Promise<Row> {
  const seen: string[] = [];
  let first = 0;
  let expected: Set<string> | null = null;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const off = subscribe((id) => {
    if (!first) first = performance.now();
    seen.push(id);
    if (expected && seen.length >= expected.size) finish();
  });
  const posted = await ids;
  expected = new Set(posted);
  if (seen.length >= expected.size) finish();
  const timer = setTimeout(finish, DEADLINE_MS);
  await finished;
  await after();
  const last = performance.now();
  clearTimeout(timer);
  off();
  lag.disable();
  const got = new Set(seen);
  return {
    rate: Math.round(posted.length / ((last - first) / 1000)),
    lagP99: Math.round(lag.percentile(99) / 1e6),
    lagMax: Math.round(lag.max / 1e6),
    lost: posted.filter((id) => !got.has(id)).length,
    duplicated: seen.length - got.size,
  };
}

it(`live burst of ${N} messages × ${ROUNDS} rounds: ours vs a bare discord.js client`, async () => {
  const fake = await startFakeProcess();
  const { info } = fake;
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-live-'));
  const core = await createCore({
    paths: { dataDir, logDir: join(dataDir, 'logs'), appDir: dataDir },
    secrets: new FileSecretBox(join(dataDir, 'token')),
    storeFactory: confStore,
    env: { DISCORD_API_URL: info.apiUrl, DISCORD_CDN_URL: info.cdnUrl, DISCORD_TOKEN: info.ours, DISCORD_GUILD_ID: info.guildId, DISCORD_CHANNEL_ID: info.channelId },
    mode: 'headless',
    monitorTuning: { identifySpacingMs: 50 },
  });
  const rows: Array<{ bare: Row; ours: Row }> = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // The floor: discord.js alone, parsing each MESSAGE_CREATE into a Message.
      const bare = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent], rest: { api: info.apiUrl } });
      const ready = new Promise((r) => bare.once(Events.ClientReady, r));
      await bare.login(info.bare);
      await ready;
      const bareRow = await measure(fake.burst(N, true), (on) => {
        const listener = (m: { id: string }) => on(m.id);
        bare.on(Events.MessageCreate, listener);
        return () => bare.off(Events.MessageCreate, listener);
      });
      await bare.destroy();

      // Ours: stored (the batch written) and announced to the panel.
      await core.monitor.start();
      await new Promise<void>((resolve) => {
        if (core.monitor.status().state === 'connected') return resolve();
        const off = core.bus.on('bot.status', (s) => s.state === 'connected' && (off(), resolve()));
      });
      const oursRow = await measure(
        fake.burst(N),
        (on) => core.bus.on('message.created', (m) => on(m.id)),
        // The last batch is written on the next turn.
        () => new Promise((r) => setImmediate(r)),
      );
      await core.monitor.stop();
      rows.push({ bare: bareRow, ours: oursRow });
      console.log(`round ${round}: bare ${bareRow.rate} msg/s (lag p99 ${bareRow.lagP99} ms) | ours ${oursRow.rate} msg/s (lag p99 ${oursRow.lagP99} ms, max ${oursRow.lagMax} ms, lost ${oursRow.lost}, dup ${oursRow.duplicated}) → ${Math.round((100 * oursRow.rate) / bareRow.rate)} %`);
    }
  } finally {
    await core.shutdown();
    await fake.close();
  }
  const file = join(dataDir, 'messages.sqlite');
  const db = new Database(file, { readonly: true });
  const stored = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  db.close();
  const bytes = statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  rmSync(dataDir, { recursive: true, force: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bareRate = med(rows.map((r) => r.bare.rate));
  const oursRate = med(rows.map((r) => r.ours.rate));
  console.log(
    [
      `live burst ${N} × ${ROUNDS} (median)`,
      `  receive rate      bare ${bareRate} msg/s   ours ${oursRate} msg/s   (${Math.round((100 * oursRate) / bareRate)} % of bare; target ≥ 80 %)`,
      `  event-loop p99    bare ${med(rows.map((r) => r.bare.lagP99))} ms   ours ${med(rows.map((r) => r.ours.lagP99))} ms (target ≤ 50 ms); ours max ${Math.max(...rows.map((r) => r.ours.lagMax))} ms`,
      `  lost / duplicated ours ${rows.reduce((n, r) => n + r.ours.lost, 0)} / ${rows.reduce((n, r) => n + r.ours.duplicated, 0)}`,
      `  store             ${stored} messages, ${Math.round(bytes / stored)} bytes per message on disk (target ≤ 1,536)`,
    ].join('\n'),
  );
  expect(stored).toBe(N * ROUNDS);
});
