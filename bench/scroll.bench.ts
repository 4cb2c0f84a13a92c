// bench/scroll: the built headless app with 100,000 stored messages, the panel in Chromium; scroll
// from the newest to 100,000 back, one older page at a time. Prints the time from reaching the top
// to the older page on screen (p50/p95/max) and Chromium's long tasks. Needs `npm run build`.
// Run: npx vitest run -c vitest.bench.config.ts bench/scroll.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MessageStore } from '../electron/core/messages/store.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { startHeadless } from '../test/e2e/headless-process.js';
import { createWorld, TOKEN } from '../test/helpers/world.js';
import { generateHistory } from './generate-history.js';

const N = Number(process.env.BENCH_SCROLL ?? 100_000);
const PAGE = 100;

// Runs in the page (a string: the node tsconfig has no DOM types). Scrolls to the top, waits for an
// older page in the window and a painted frame, from the moment the view came within reach of the
// top (when the list asks for it); long tasks from PerformanceObserver.
const IN_PAGE = `async (count) => {
  const list = document.querySelector('[data-testid="message-list"]');
  const long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration))).observe({ type: 'longtask' });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const times = [];
  let oldest = list.dataset.oldestId;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    let trigger = null;
    for (;;) {
      // As a wheel would: the view moves up; the list asks for the next page near the top.
      if (list.scrollTop > 0) list.scrollBy(0, -1500);
      await frame();
      if (trigger === null && list.scrollTop <= 600) trigger = performance.now();
      if (list.dataset.oldestId !== oldest) { oldest = list.dataset.oldestId; break; }
      if (performance.now() - start > 10000) throw new Error('page ' + i + ' did not arrive within 10 s');
    }
    // On screen: the frame after the page was rendered.
    await frame();
    times.push(performance.now() - (trigger ?? start));
  }
  return { times, long };
}`;

it(`scroll back through ${N.toLocaleString('en-US')} stored messages in Chromium`, async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-scroll-'));
  const store = new MessageStore(join(dataDir, 'messages.sqlite'));
  generateHistory(store, { channelId: world.channelId, count: N, startMs: Date.now() - 200 * 86_400_000, spacingMs: 60_000, vocab: ['hello', 'world', 'backup', 'disk', 'deploy', 'ok', 'thanks', 'failed', 'done', 'later'], authors: 20 });
  store.close();
  const app = await startHeadless(['--data-dir', dataDir], { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(app.url);
    await page.locator('[data-testid="message-list"] [data-message-id]').first().waitFor({ timeout: 15_000 });
    const pages = Math.ceil((N - 200) / PAGE);
    const result = (await page.evaluate(`(${IN_PAGE})(${pages})`)) as { times: number[]; long: number[] };
    const sorted = [...result.times].sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
    console.log(
      [
        `scroll back through ${N.toLocaleString('en-US')} messages: ${result.times.length} pages of ${PAGE}`,
        `  page on screen   p50 ${p(0.5)} ms   p95 ${p(0.95)} ms   max ${Math.max(...result.times).toFixed(0)} ms   (target ≤ 100 ms each)`,
        `  long tasks       ${result.long.length} (longest ${result.long.length ? Math.max(...result.long).toFixed(0) : 0} ms; target none > 200 ms)`,
      ].join('\n'),
    );
    expect(result.times).toHaveLength(pages);
  } finally {
    await browser.close();
    await app.stop();
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
