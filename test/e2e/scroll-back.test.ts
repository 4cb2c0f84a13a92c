// Scrolling back through stored history in Chromium, against the built headless app: each older page
// (with images that cannot load) is prepended without moving what the reader sees, the window stays
// at MAX_PAGED (1,000) messages however far back they go, and scrolling down again brings the newest back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../bench/generate-history.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

const COUNT = 2500;
const PAGES = Math.ceil((COUNT - 200) / 100);

let world: World;
let app: HeadlessProcess;
let browser: Browser;
let page: Page;
let dataDir: string;
let ids: string[];

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-scroll-'));
  const store = new MessageStore(join(dataDir, 'messages.sqlite'));
  generateHistory(store, { channelId: world.channelId, count: COUNT, startMs: Date.now() - 30 * 86_400_000, spacingMs: 60_000, vocab: ['hello', 'world', 'deploy', 'ok'], authors: 5 });
  // Attachments kept: their images cannot load here (cdn.example), and a broken image must keep its
  // reserved box, or its row shrinks after it was measured and the reader's view jumps.
  ids = (store.database.prepare('SELECT id FROM messages ORDER BY sort_key').all() as { id: string }[]).map((r) => r.id);
  store.close();
  app = await startHeadless(['--data-dir', dataDir], { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(app.url);
  await page.locator(`[data-message-id="${ids.at(-1)}"]`).waitFor({ timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await world?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// In the page (a string: the node tsconfig has no DOM types). Brings the view near the top and
// follows the message at the reader's eye line frame by frame: where it was in the last frame before
// the older page arrived, and where it is once the page is in (measured, two frames later).
const OLDER_PAGE = `async () => {
  const list = document.querySelector('[data-testid="message-list"]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const before = list.dataset.oldestId;
  const deadline = performance.now() + 10000;
  // Just short of where the next page is asked for, until the rows rendered there are measured and
  // the view is still (estimates corrected): only what the page itself does is measured below.
  list.scrollTop = 700;
  const box = list.getBoundingClientRect();
  const eye = () => document.elementFromPoint(box.left + box.width / 2, box.top + 200).closest('[data-message-id]');
  let still = null;
  for (;;) {
    await frame();
    const e = eye();
    const now = e && e.dataset.messageId + ' ' + e.getBoundingClientRect().top + ' ' + list.scrollTop;
    if (now !== null && now === still) break;
    still = now;
    if (performance.now() > deadline) throw new Error('the view did not settle within 10 s');
  }
  const id = eye().dataset.messageId;
  list.scrollTop -= 150;
  const top = () => list.querySelector('[data-message-id="' + id + '"]')?.getBoundingClientRect().top ?? null;
  let last = top();
  // Its own 10 s: settling can take most of the first under load.
  const asked = performance.now() + 10000;
  for (;;) {
    await frame();
    if (list.dataset.oldestId !== before) break;
    last = top();
    if (performance.now() > asked) throw new Error('no older page within 10 s: ' + JSON.stringify({ scrollTop: list.scrollTop, scrollHeight: list.scrollHeight, oldest: list.dataset.oldestId, alert: document.querySelector('[role="alert"]')?.textContent ?? null }));
  }
  await frame();
  await frame();
  const now = top();
  return { id, moved: now === null || last === null ? null : now - last, window: Number(list.querySelector('[aria-setsize]').getAttribute('aria-setsize')) };
}`;

describe('scrolling back in Chromium', { timeout: 120_000 }, () => {
  it('prepends every older page without moving the reader, keeps 1,000 messages at most, and reaches the first message', async () => {
    const windows: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const r = (await page.evaluate(`(${OLDER_PAGE})()`)) as { id: string; moved: number | null; window: number };
      // The message the reader was looking at is still there, where it was (sub-pixel rounding aside).
      expect(r.moved, `page ${i}: ${r.id} moved`).not.toBeNull();
      expect(Math.abs(r.moved!), `page ${i}: ${r.id} moved by ${r.moved} px`).toBeLessThanOrEqual(1);
      windows.push(r.window);
    }
    expect(Math.max(...windows)).toBe(1000);
    expect(await page.getByTestId('message-list').getAttribute('data-oldest-id')).toBe(ids[0]);
    await page.evaluate(`document.querySelector('[data-testid="message-list"]').scrollTop = 0`);
    await page.locator(`[data-message-id="${ids[0]}"]`).waitFor({ timeout: 5000 });
  });

  it('scrolling down again loads the newer pages back, up to the newest message', async () => {
    const newest = page.locator(`[data-message-id="${ids.at(-1)}"]`);
    const deadline = Date.now() + 60_000;
    while (!(await newest.count())) {
      if (Date.now() > deadline) {
        // Where the list stopped (seen once in a parallel full run, normally < 1 s): what the page holds.
        const state = await page.evaluate(`(() => { const el = document.querySelector('[data-testid="message-list"]'); const rows = el.querySelectorAll('[data-message-id]');
          return { fromEnd: el.scrollHeight - el.scrollTop - el.clientHeight, scrollTop: el.scrollTop, oldest: el.dataset.oldestId, lastRow: rows[rows.length - 1]?.dataset.messageId, setsize: el.querySelector('[aria-setsize]')?.getAttribute('aria-setsize'), alert: document.querySelector('[role="alert"]')?.textContent ?? null }; })()`);
        throw new Error(`the newest message (${ids.at(-1)}) did not come back within 60 s; the list: ${JSON.stringify(state)}`);
      }
      await page.evaluate(`(() => { const el = document.querySelector('[data-testid="message-list"]'); el.scrollTop = el.scrollHeight; return new Promise((r) => requestAnimationFrame(() => r())); })()`);
    }
    expect(Number(await page.locator('[aria-setsize]').first().getAttribute('aria-setsize'))).toBeLessThanOrEqual(1000);
  });
});
