// bench/backfill: 100,000 historical messages on the fake Discord (in its own process), read back
// to the start of the channel by a bare discord.js client paging with `before` (the floor) and by
// our backfill in the built headless app (converted, names resolved, stored). Prints paging rates side
// by side, the headless process's peak RSS while it runs, lost/duplicated. Needs `npm run build`. Run: npx vitest run -c vitest.bench.config.ts bench/backfill.bench.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChannelType, Client, Events, GatewayIntentBits } from 'discord.js';
import { expect, it } from 'vitest';
import { startHeadless } from '../test/e2e/headless-process.js';
import { panelClient } from '../test/e2e/ws-client.js';
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

    // Ours: the built headless app in its own process (so its RSS is its own), driven over the panel's WebSocket.
    const app = await startHeadless(['--data-dir', dataDir], { DISCORD_API_URL: info.apiUrl, DISCORD_CDN_URL: info.cdnUrl, DISCORD_TOKEN: info.ours, DISCORD_GUILD_ID: info.guildId, DISCORD_CHANNEL_ID: info.channelId });
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    let peakRss = 0;
    let startRss = 0;
    let view: BackfillView;
    const client = await panelClient(app.url);
    try {
      for (let i = 0; i < 300; i++) {
        const status = await client.invoke<{ state: string }>('bot.status');
        if (status.ok && status.value.state === 'connected') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      startRss = rss();
      peakRss = startRss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss())), 50);
      t = performance.now();
      await client.invoke('history.backfill', { mode: 'history', limit: null, periodHours: null });
      for (;;) {
        const answer = await client.invoke<BackfillView>('history.status');
        if (answer.ok && answer.value.state !== 'running') {
          view = answer.value;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      clearInterval(sampler);
    } finally {
      client.close();
      await app.stop();
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
        `  RSS (headless) ${Math.round(startRss / 1048576)} MB connected, peak ${Math.round(peakRss / 1048576)} MB while it ran (target ≤ 200 MB)`,
        `  lost / dup    ${lost} / ${ids.length - stored.size}   (state ${view.state}, ${view.fetched} read, ${view.stored} new)`,
      ].join('\n'),
    );
    expect(lost).toBe(0);
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
