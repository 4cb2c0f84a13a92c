// bench/export: 100,000 stored messages exported to each format (time, size, peak RSS while
// exporting), then the HTML opened in Chromium: time to the first contentful paint and to the end
// of parsing. Targets (issue 9): HTML ≤ 15 s; first screen in Chromium ≤ 2 s. Run: npm run bench
// (BENCH_EXPORT_MESSAGES=n to change the size).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { exportToFile } from '../electron/core/archive/exporter.js';
import type { ExportFormat } from '../electron/core/archive/query.js';
import { ArchiveReader } from '../electron/core/archive/reader.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { CHANNEL, storeWith } from '../test/helpers/archive-fixture.js';

const N = Number(process.env.BENCH_EXPORT_MESSAGES ?? 100_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

it(`exports ${N.toLocaleString('en')} messages and opens the HTML in Chromium`, async () => {
  const setupStart = performance.now();
  const fixture = storeWith(N);
  console.log(`setup: ${N} messages stored in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
  const rows: string[] = [];
  try {
    let htmlMs = 0;
    for (const format of ['html', 'json', 'csv', 'txt'] as ExportFormat[]) {
      const out = join(fixture.dir, `export.${format}`);
      const reader = new ArchiveReader(fixture.file);
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      const result = await exportToFile(out, { reader, query: { channelId: CHANNEL }, format, meta: { exportedAt: Date.now(), app: { name: 'Discord Monitor', version: 'bench' }, guild: { id: '1', name: 'Home Lab' }, channel: { id: CHANNEL, name: 'general' }, filter: {}, locale: 'en' }, redact: (t) => t });
      const ms = performance.now() - t0;
      clearInterval(sampler);
      reader.close();
      if (format === 'html') htmlMs = ms;
      expect(result.count).toBe(N);
      rows.push(`${format.padEnd(5)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(N / (ms / 1000)).toLocaleString('en').padStart(8)} msg/s  ${mb(statSync(out).size).padStart(9)}  RSS +${mb(Math.max(0, peak - rssBefore))} over the start`);
    }

    const browser = await launchBrowser();
    try {
      // The export forbids scripts (CSP script-src 'none'), which also blocked Playwright's polling of the
      // paint timing; bypassing it changes nothing the page draws.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const t0 = performance.now();
      await page.goto(pathToFileURL(join(fixture.dir, 'export.html')).href, { waitUntil: 'commit', timeout: 120_000 });
      // Paint timing from the page itself: navigation start → first contentful paint.
      const fcp = await page.waitForFunction("performance.getEntriesByName('first-contentful-paint')[0]?.startTime", undefined, { timeout: 60_000, polling: 50 });
      const fcpMs = Number(await fcp.jsonValue());
      await page.waitForLoadState('domcontentloaded', { timeout: 120_000 });
      const parsedMs = performance.now() - t0;
      const shown = await page.locator('article.message').count();
      rows.push(`Chromium: first contentful paint ${(fcpMs / 1000).toFixed(2)} s, whole file parsed ${(parsedMs / 1000).toFixed(2)} s, ${shown.toLocaleString('en')} messages in the page`);
      expect(shown).toBe(N);
      rows.push(`targets: HTML export ${(htmlMs / 1000).toFixed(1)} s (≤ 15 s: ${htmlMs <= 15_000 ? 'met' : 'MISSED'}); first screen ${(fcpMs / 1000).toFixed(2)} s (≤ 2 s: ${fcpMs <= 2000 ? 'met' : 'MISSED'})`);
    } finally {
      await browser.close();
    }
  } finally {
    fixture.close();
    console.log(`\nbench/export, ${N.toLocaleString('en')} messages\n${rows.join('\n')}\n`);
  }
});
