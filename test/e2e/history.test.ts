// History in real Chromium against the built headless app and the fake Discord: a backfill from the
// panel, search → the message in context, jump to a date, the statistics chart drawn. The channel is
// the demo's (four weeks, seven people and a bot, files, embeds, replies…), so the README's pictures
// show what a real channel gives, not one author's plain lines.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fake-discord/model.js';
import { seedDemo, type DemoSeed } from '../fake-discord/demo-data.js';
import { shoot } from './browser.js';
import { openConnected, startPanelWorld, type PanelWorld } from './panel-world.js';

const DAY = 86_400_000;
const DEMO_TOKEN = 'demo.bot-token.0123456789-abcdefghij';
// The connect stores the newest 50 (catch-up.ts FIRST_LOAD); the backfill reads the rest.
const FIRST_LOAD = 50;
const n = (x: number) => x.toLocaleString('en-US');

let stage: PanelWorld;
let page: Page;
let seed: DemoSeed;
/** The channel's messages the panel stores, oldest first (all but the monitor's own: it posts none there). */
let old: FakeMessage[];

beforeAll(async () => {
  stage = await startPanelWorld('history', (w) => {
    seed = seedDemo(w.fake, DEMO_TOKEN);
  }, { env: () => ({ DISCORD_TOKEN: DEMO_TOKEN, DISCORD_GUILD_ID: seed.guildId, DISCORD_CHANNEL_ID: seed.channelId }) });
  old = stage.world.fake.messages(seed.channelId);
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
    expect(old.length).toBeGreaterThan(3000);
    const rest = n(old.length - FIRST_LOAD);
    await panel.getByText(new RegExp(`^Done: ${rest} messages read, ${rest} new\\.`)).waitFor({ timeout: 60_000 });
    await shoot(page, 'history-backfill');
  });

  it('searches with a filter and opens a result in context', async () => {
    await page.getByRole('tab', { name: 'Search' }).click();
    // Ada's messages with the word, among 3,000 of seven people (9 in the seeded history: one page).
    await page.getByTestId('history-search-input').fill('grafana from:ada');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    const ada = old.find((m) => stage.world.fake.user(m.authorId)?.username === 'ada.l')!.authorId;
    const needles = old.filter((m) => m.authorId === ada && /\bgrafana\b/i.test(m.content)).reverse();
    expect(needles.length).toBeGreaterThan(3);
    expect(needles.length).toBeLessThanOrEqual(25);
    expect(await results.evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')))).toEqual(needles.map((m) => m.id));
    await expect(results.first().locator('mark').first().textContent()).resolves.toMatch(/^grafana$/i);
    // The oldest needle: far above the newest page, loaded around it and marked.
    await results.last().click();
    const target = page.locator(`[data-testid="message-list"] [data-message-id="${needles.at(-1)!.id}"]`);
    await target.waitFor({ timeout: 5000 });
    await expect(target.getAttribute('data-focused')).resolves.toBe('true');
    await expect(target.isVisible()).resolves.toBe(true);
    // Clicking the last result scrolled the panel: the picture shows the query too.
    await page.getByTestId('history-search-input').scrollIntoViewIfNeeded();
    await shoot(page, 'history-search');
    await page.getByTestId('jump-to-present').click();
    await page.locator(`[data-message-id="${old.at(-1)!.id}"]`).waitFor({ timeout: 5000 });
  });

  it('jumps to a date: the first message of that day is shown', async () => {
    await page.getByRole('tab', { name: 'Jump to date' }).click();
    const day = new Date(Date.now() - 20 * DAY);
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
    await page.getByTestId('history-stats').getByText(new RegExp(`^${n(old.length)} messages$`)).waitFor({ timeout: 10_000 });
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
    // The demo's people and the reporting bot are among the top authors; their files are counted.
    const stats = page.getByTestId('stats-figures');
    const authors = new Set(old.map((m) => m.authorId)).size;
    expect(authors).toBeGreaterThanOrEqual(6);
    await expect(stats.locator('.history-authors > li').count()).resolves.toBeGreaterThanOrEqual(Math.min(5, authors));
    const files = old.reduce((sum, m) => sum + m.attachments.length, 0);
    expect(files).toBeGreaterThan(100);
    await stats.getByText(new RegExp(`^${n(files)} attachments, `)).waitFor({ timeout: 5000 });
    await shoot(page, 'history-stats');
  });
});
