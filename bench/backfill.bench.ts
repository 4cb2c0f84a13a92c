// bench/backfill: 100,000 historical messages on the fake Discord (in its own process), read back
// to the start of the channel by a bare discord.js client paging with `before` (the floor) and by
// our backfill (converted, names resolved, stored). Prints paging rates side by side, our peak RSS
// while it runs, lost/duplicated. Run: npx vitest run -c vitest.bench.config.ts bench/backfill.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChannelType, Client, Events, GatewayIntentBits } from 'discord.js';
import { expect, it } from 'vitest';
import { createCore } from '../electron/core/app-core.js';
import { FileSecretBox } from '../electron/core/settings/file-secret-box.js';
import { confStore } from '../electron/headless/run.js';
import type { BackfillView } from '../shared/types.js';
import { startFakeProcess } from './fake-process.js';

const N = Number(process.env.BENCH_HISTORY ?? 100_000);
const DAY = 86_400_000;

it(`backfill of ${N.toLocaleString('en-US')} messages: ours vs a bare discord.js client`, async () => {
  const fake = await startFakeProcess();
  const { info } = fake;
  const posted = await fake.history(N, Date.now() - 300 * DAY, Date.now() - 60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-backfill-'));
  try {
    // The floor: page back with `before` until the start, keeping only the ids.
    const bare = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: info.apiUrl } });
    const ready = new Promise((r) => bare.once(Events.ClientReady, r));
    await bare.login(info.bare);
    await ready;
    const channel = bare.channels.cache.get(info.channelId);
    if (channel?.type !== ChannelType.GuildText) throw new Error('bench channel missing');
    let t = performance.now();
    let before: string | undefined;
    let bareCount = 0;
    for (;;) {
      const page = await channel.messages.fetch({ limit: 100, cache: false, ...(before ? { before } : {}) });
      bareCount += page.size;
      if (page.size < 100) break;
      before = page.lastKey();
    }
    const bareS = (performance.now() - t) / 1000;
    await bare.destroy();

    const core = await createCore({
      paths: { dataDir, logDir: join(dataDir, 'logs'), appDir: dataDir },
      secrets: new FileSecretBox(join(dataDir, 'token')),
      storeFactory: confStore,
      env: { DISCORD_API_URL: info.apiUrl, DISCORD_CDN_URL: info.cdnUrl, DISCORD_TOKEN: info.ours, DISCORD_GUILD_ID: info.guildId, DISCORD_CHANNEL_ID: info.channelId },
      mode: 'headless',
      monitorTuning: { identifySpacingMs: 50 },
    });
    let peakRss = 0;
    let startRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    let view: BackfillView;
    try {
      await core.monitor.start();
      await new Promise<void>((resolve) => {
        if (core.monitor.status().state === 'connected') return resolve();
        const off = core.bus.on('bot.status', (s) => s.state === 'connected' && (off(), resolve()));
      });
      const done = new Promise<BackfillView>((resolve) => {
        const off = core.bus.on('history.backfill', (v) => v.state !== 'running' && (off(), resolve(v)));
      });
      startRss = process.memoryUsage().rss;
      peakRss = startRss;
      t = performance.now();
      await core.dispatch('history.backfill', { mode: 'history', limit: null, periodHours: null });
      view = await done;
    } finally {
      clearInterval(sampler);
      await core.shutdown();
    }
    const oursS = (performance.now() - t) / 1000;
    const db = new Database(join(dataDir, 'messages.sqlite'), { readonly: true });
    const ids = db.prepare<[], { id: string }>('SELECT id FROM messages').all().map((r) => r.id);
    db.close();
    const stored = new Set(ids);
    const lost = posted.filter((id) => !stored.has(id)).length;
    const bareRate = Math.round(bareCount / bareS);
    const oursRate = Math.round(view.fetched / oursS);
    console.log(
      [
        `backfill of ${N.toLocaleString('en-US')} messages`,
        `  paging rate   bare ${bareRate} msg/s (${bareS.toFixed(1)} s)   ours ${oursRate} msg/s (${oursS.toFixed(1)} s) → ${Math.round((100 * oursRate) / bareRate)} % of bare (target ≥ 80 %)`,
        `  RSS           ${Math.round(startRss / 1048576)} MB when it started, peak ${Math.round(peakRss / 1048576)} MB while it ran (+${Math.round((peakRss - startRss) / 1048576)} MB; this process holds vitest and the bare client's leftovers too; target ≤ 200 MB)`,
        `  lost / dup    ${lost} / ${ids.length - stored.size}   (state ${view.state}, ${view.fetched} read, ${view.stored} new)`,
      ].join('\n'),
    );
    expect(lost).toBe(0);
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
