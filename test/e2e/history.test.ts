// History in real Chromium against the built headless app and the fake Discord: a backfill from the
// panel, search → the message in context, jump to a date, the statistics chart drawn.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoot } from './browser.js';
import { openConnected, startPanelWorld, type PanelWorld } from './panel-world.js';

const DAY = 86_400_000;
const COUNT = 3000;

let stage: PanelWorld;
let page: Page;
let old: Array<{ id: string; timestamp: string; content: string }>;

beforeAll(async () => {
  const now = Date.now();
  stage = await startPanelWorld('history', (w) => {
    // 3,000 messages over 60 days; every 500th carries a rare word.
    old = w.fake.postHistory(w.channelId, [w.userId], COUNT, now - 60 * DAY, now - 60_000, (i) => (i % 500 === 7 ? `the needle number ${i} is here` : `ordinary chatter ${i}`));
  });
  page = await openConnected(stage, { width: 1200, height: 800 }, 15_000);
}, 60_000);

afterAll(() => stage?.close());

describe('history in Chromium', { timeout: 90_000 }, () => {
  it('backfills the whole channel from the panel, with progress', async () => {
    await page.getByTestId('history-button').click();
    await page.getByRole('tab', { name: 'Backfill' }).click();
    const panel = page.getByTestId('history-backfill');
    await panel.getByLabel('At most').selectOption('null');
    await panel.getByLabel('From').selectOption('null');
    await page.getByTestId('backfill-start').click();
    await panel.getByText(/^Done: 2,950 messages read, 2,950 new\./).waitFor({ timeout: 60_000 });
    await shoot(page, 'history-backfill');
  });

  it('searches with a filter and opens a result in context', async () => {
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByTestId('history-search-input').fill('needle from:alice');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    const needles = old.filter((m) => m.content.includes('needle')).reverse();
    expect(await results.evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')))).toEqual(needles.map((m) => m.id));
    await expect(results.first().locator('mark').textContent()).resolves.toBe('needle');
    // The oldest needle: far above the newest page, loaded around it and marked.
    await results.last().click();
    const target = page.locator(`[data-testid="message-list"] [data-message-id="${needles.at(-1)!.id}"]`);
    await target.waitFor({ timeout: 5000 });
    await expect(target.getAttribute('data-focused')).resolves.toBe('true');
    await expect(target.isVisible()).resolves.toBe(true);
    await shoot(page, 'history-search');
    await page.getByTestId('jump-to-present').click();
    await page.locator(`[data-message-id="${old.at(-1)!.id}"]`).waitFor({ timeout: 5000 });
  });

  it('jumps to a date: the first message of that day is shown', async () => {
    await page.getByRole('tab', { name: 'Jump to date' }).click();
    const day = new Date(Date.now() - 30 * DAY);
    const value = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await page.getByTestId('jump-date').fill(value);
    await page.getByTestId('jump-submit').click();
    const midnight = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
    const first = old.find((m) => Date.parse(m.timestamp) >= midnight)!;
    const row = page.locator(`[data-testid="message-list"] [data-message-id="${first.id}"]`);
    await row.waitFor({ timeout: 5000 });
    await expect(row.getAttribute('data-focused')).resolves.toBe('true');
  });

  it('draws the messages-per-day chart', async () => {
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByTestId('history-stats').getByLabel('Period').selectOption('all');
    await page.getByTestId('history-stats').getByText(/^3,000 messages$/).waitFor({ timeout: 10_000 });
    const canvas = page.locator('[data-testid="day-chart"] canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    // Something was painted: the canvas is not blank.
    const painted = await canvas.evaluate((c) => {
      const el = c as unknown as { getContext(t: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }; width: number; height: number };
      return el.getContext('2d').getImageData(0, 0, el.width, el.height).data.some((v) => v !== 0);
    });
    expect(painted).toBe(true);
    await shoot(page, 'history-stats');
  });
});
