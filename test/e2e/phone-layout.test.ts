// The panel on a phone (390 × 844), in French (its longest labels), in real Chromium: the toolbar's
// buttons wrapped off the screen's edge (the page 595 px wide, History/Archive/Settings out of view),
// and a search result opened behind the full-width history panel, so nothing seemed to happen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoot } from './browser.js';
import { startPanelWorld, type PanelWorld } from './panel-world.js';

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
let stage: PanelWorld;
let page: Page;
let old: Array<{ id: string; content: string }>;

beforeAll(async () => {
  const now = Date.now();
  stage = await startPanelWorld('phone', (w) => {
    // The needle among the 50 newest, which the first start loads: 30 above the newest, off a phone's screen.
    old = w.fake.postHistory(w.channelId, [w.userId], 300, now - 10 * DAY, now - 60_000, (i) => (i === 270 ? 'the needle is here' : `ordinary chatter ${i}`));
  });
  page = await stage.browser.newPage({ viewport: PHONE, locale: 'fr-FR', isMobile: true, hasTouch: true });
  await page.goto(stage.app.url);
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
}, 60_000);

afterAll(() => stage?.close());

describe('the panel on a phone', { timeout: 60_000 }, () => {
  it('is no wider than the screen, and every toolbar button is on it', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const buttons = await page.locator('.topbar__actions button').evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return { label: el.getAttribute('aria-label') ?? el.textContent, left: r.left, right: r.right }; }));
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    expect(buttons.filter((b) => b.left < 0 || b.right > PHONE.width)).toEqual([]);
    await shoot(page, 'phone-toolbar');
  });

  it('a search result opened from the history panel is shown: the panel steps aside', async () => {
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-search-input').fill('needle');
    await page.getByTestId('history-search-input').press('Enter');
    const result = page.getByTestId('search-result').first();
    await result.waitFor();
    await result.click();
    const target = page.locator(`[data-testid="message-list"] [data-message-id="${old[270]!.id}"]`);
    await target.waitFor({ timeout: 5000 });
    await expect.poll(() => page.locator('.history').count()).toBe(0);
    const box = (await target.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-message-id]')?.getAttribute('data-message-id'), [box.x + box.width / 2, box.y + Math.min(box.height / 2, 20)])).toBe(old[270]!.id);
  });
});
