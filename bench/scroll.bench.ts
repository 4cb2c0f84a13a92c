// bench/scroll: the built headless app with 100,000 stored messages, the panel in Chromium; scroll
// from the newest to 100,000 back, one older page at a time. Prints the time from reaching the top
// to the older page on screen (p50/p95/max, and by stretch of the run), Chromium's long tasks, the
// CPU time of the main thread's tasks (a trace: on a shared machine a task is often long only
// because it waited for a core) and what ran inside the long tasks (a CPU profile). Needs `npm run build`.
// Run: npx vitest run -c vitest.bench.config.ts bench/scroll.bench.ts
// BENCH_SCROLL=30000 for a shorter run; BENCH_SCROLL_APP_DIR=<dir> runs another build (e.g. an
// unminified panel, for readable function names).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MessageStore } from '../electron/core/messages/store.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { startHeadless } from '../test/e2e/headless-process.js';
import { createWorld, TOKEN } from '../test/helpers/world.js';
import { generateHistory } from './generate-history.js';
import { attribute, MARKER_SOURCE, startProfiler, stopProfiler, type LongTask } from './long-tasks.js';
import { mainThreadTasks, TRACE_CATEGORIES, type TaskCost } from './trace-tasks.js';

const N = Number(process.env.BENCH_SCROLL ?? 100_000);
const PAGE = 100;
/** Pages per traced stretch: a trace of the whole run would be ~400 MB. */
const STRETCH = 100;
const APP_DIR = process.env.BENCH_SCROLL_APP_DIR;

/**
 * What people write, beside the generator's plain words: Markdown, Unicode emoji (Twemoji), a
 * highlighted code block, a masked link, by row number.
 */
function mixContent(store: MessageStore): void {
  store.database.exec(`
    UPDATE messages SET json = json_set(json, '$.content', CASE
      WHEN rowid % 25 = 0 THEN json_extract(json, '$.content') || char(10) || '\`\`\`ts' || char(10) || 'const total = items.reduce((a, b) => a + b.size, 0);' || char(10) || 'if (total > LIMIT) throw new Error(' || quote('too big: ' || rowid) || ');' || char(10) || '\`\`\`'
      WHEN rowid % 7 = 0 THEN '**' || json_extract(json, '$.content') || '** 🔥👍 _really_ ||spoiler|| \`code\`'
      WHEN rowid % 11 = 0 THEN '> ' || json_extract(json, '$.content') || char(10) || 'see [the docs](https://example.org/docs) 🎉'
      ELSE json_extract(json, '$.content') END)`);
}

// Runs in the page (strings: the node tsconfig has no DOM types). Setup: the long-task observer and
// the marker that lines the page's clock up with the CPU profile.
const SETUP = `(() => {
  const list = document.querySelector('[data-testid="message-list"]');
  const b = (window.__bench = { list, long: [], times: [], page: 0, oldest: list.dataset.oldestId });
  const windowSize = () => Number(list.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') ?? 0);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => b.long.push({ start: e.startTime, duration: e.duration, page: b.page, window: windowSize() }))).observe({ type: 'longtask' });
  b.marker = (${MARKER_SOURCE})();
  return b.marker;
})()`;

// Scrolls `count` more pages: to the top, waits for an older page in the window and a painted
// frame, from the moment the view came within reach of the top (when the list asks for it).
const PAGES = `async (count) => {
  const b = window.__bench;
  const list = b.list;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < count; i++, b.page++) {
    const start = performance.now();
    let trigger = null;
    for (;;) {
      // As a fast wheel would: the view moves up; the list asks for the next page near the top.
      if (list.scrollTop > 0) list.scrollBy(0, -1500);
      await frame();
      if (trigger === null && list.scrollTop <= 600) trigger = performance.now();
      if (list.dataset.oldestId !== b.oldest) { b.oldest = list.dataset.oldestId; break; }
      if (performance.now() - start > 10000) throw new Error('page ' + b.page + ' did not arrive within 10 s');
    }
    // On screen: the frame after the page was rendered.
    await frame();
    b.times.push(performance.now() - (trigger ?? start));
  }
}`;

const ms = (n: number) => `${n.toFixed(0)} ms`;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const rows = (entries: [string, number][], n = 8) => entries.slice(0, n).map(([k, v]) => `      ${v.toFixed(0).padStart(6)} ms  ${k}`);

it(`scroll back through ${N.toLocaleString('en-US')} stored messages in Chromium`, async () => {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-scroll-'));
  const store = new MessageStore(join(dataDir, 'messages.sqlite'));
  generateHistory(store, { channelId: world.channelId, count: N, startMs: Date.now() - 200 * 86_400_000, spacingMs: 60_000, vocab: ['hello', 'world', 'backup', 'disk', 'deploy', 'ok', 'thanks', 'failed', 'done', 'later'], authors: 20 });
  mixContent(store);
  store.close();
  const app = await startHeadless(['--data-dir', dataDir], { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl }, undefined, APP_DIR);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(app.url);
    await page.locator('[data-testid="message-list"] [data-message-id]').first().waitFor({ timeout: 15_000 });
    const pages = Math.ceil((N - 200) / PAGE);
    const cdp = await page.context().newCDPSession(page);
    await startProfiler(cdp);
    const marker = (await page.evaluate(SETUP)) as number;
    const tasks: TaskCost[] = [];
    for (let done = 0; done < pages; done += STRETCH) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.evaluate(`(${PAGES})(${Math.min(STRETCH, pages - done)})`);
      tasks.push(...mainThreadTasks(await browser.stopTracing(), 0));
    }
    const end = (await page.evaluate('performance.now()')) as number;
    const { times, long } = (await page.evaluate('({ times: window.__bench.times, long: window.__bench.long })')) as { times: number[]; long: (LongTask & { page: number; window: number })[] };
    const profile = await stopProfiler(cdp);

    const inLong = attribute(profile, long, marker);
    const whole = attribute(profile, [{ start: marker, duration: end - marker }], marker);
    const durations = long.map((l) => l.duration);
    const cpu = tasks.map((t) => t.cpu);
    const cpuTotal = cpu.reduce((a, b) => a + b, 0);
    const byCpu = [...tasks].sort((a, b) => b.cpu - a.cpu);
    const stretches = Array.from({ length: Math.ceil(times.length / STRETCH) }, (_, i) => times.slice(i * STRETCH, (i + 1) * STRETCH));
    console.log(
      [
        `scroll back through ${N.toLocaleString('en-US')} messages: ${times.length} pages of ${PAGE}`,
        `  page on screen   p50 ${ms(quantile(times, 0.5))}   p95 ${ms(quantile(times, 0.95))}   max ${ms(Math.max(...times))}   (target ≤ 100 ms each); over 100 ms: ${times.filter((t) => t > 100).length}`,
        ...stretches.map((s, i) => `    pages ${String(i * STRETCH).padStart(4)}-${String(i * STRETCH + s.length - 1).padEnd(4)}  p50 ${ms(quantile(s, 0.5))}  max ${ms(Math.max(...s))}`),
        `  long tasks       ${long.length}, ${ms(durations.reduce((a, b) => a + b, 0))} in all (longest ${ms(Math.max(0, ...durations))}; target none > 200 ms)`,
        `    over 200 ms: ${long.filter((l) => l.duration > 200).map((l) => `${ms(l.duration)} at page ${l.page} (window ${l.window})`).join(', ') || 'none'}`,
        `  main-thread CPU  ${ms(cpuTotal)} in ${tasks.length} tasks (${(cpuTotal / times.length).toFixed(1)} ms a page); the task with most CPU ${ms(byCpu[0]?.cpu ?? 0)} (${ms(byCpu[0]?.wall ?? 0)} wall); tasks over 200 ms: ${tasks.filter((t) => t.wall > 200).length} by wall time, ${tasks.filter((t) => t.cpu > 200).length} by CPU time`,
        ...byCpu.slice(0, 3).map((t) => `    ${ms(t.cpu)} CPU (${ms(t.wall)} wall): ${t.steps.slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`),
        `  inside the long tasks (sampled), self time:`,
        ...rows(inLong.self),
        ...inLong.longest.map(({ task, self }) => `    the task of ${ms(task.duration)}:\n${rows(self, 4).join('\n')}`),
        `  the whole scroll (sampled), self time:`,
        ...rows(whole.self),
        `    the panel's own code on the stack:`,
        ...rows(whole.inclusive.filter(([k]) => k.startsWith('index:') && !/:(\(anonymous\)|memoizedFunction|run)$/.test(k)), 12),
      ].join('\n'),
    );
    expect(times).toHaveLength(pages);
  } finally {
    await browser.close();
    await app.stop();
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
