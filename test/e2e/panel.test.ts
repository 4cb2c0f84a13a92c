// The whole thing as a user sees it: the built headless app in a child process, the panel in real
// Chromium, the real discord.js against the fake Discord server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser, shoot } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

let world: World;
let app: HeadlessProcess;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-'));
  app = await startHeadless(['--data-dir', dataDir], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_CDN_URL: world.fake.cdnUrl,
    // The checkout tests run from has no upstream: a check would only fail (and show in the README's picture).
    AUTO_UPDATE_ENABLED: 'False',
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  const code = await app?.stop();
  // Shutting down disconnects from Discord before exiting.
  expect(code).toBe(0);
  expect(world.fake.liveSessions(TOKEN)).toBe(0);
  expect(world.fake.closeCodes(TOKEN)).toContain(1000);
  await world.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('headless panel in Chromium', () => {
  it('opens from the printed URL and shows the bot connected', async () => {
    await page.goto(app.url);
    const status = page.getByTestId('status');
    await status.and(page.locator('[data-state="connected"]')).waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toContain('Connected to #general on Home Lab');
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });

  it('shows a message posted on Discord within a second', async () => {
    const t0 = performance.now();
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'e2e **hello** from Discord' });
    const row = page.locator(`[data-message-id="${posted.id}"]`);
    await row.waitFor({ timeout: 1000 });
    const latency = performance.now() - t0;
    console.log(`[measure] post on fake Discord → visible in Chromium: ${latency.toFixed(1)} ms`);
    expect(latency).toBeLessThan(1000);
    await expect(row.locator('strong').textContent()).resolves.toBe('hello');
    await expect(row.textContent()).resolves.toContain('Alice');
    await shoot(page, 'panel-connected');
  });

  it('shows HTML in a message as text, never as markup', async () => {
    const content = '<img src=x onerror=alert(1)>';
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content });
    const row = page.locator(`[data-message-id="${posted.id}"]`);
    await row.waitFor({ timeout: 2000 });
    await expect(row.textContent()).resolves.toContain(content);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('reflects edits and deletions', async () => {
    const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'first draft' });
    const row = page.locator(`[data-message-id="${posted.id}"]`);
    await row.waitFor({ timeout: 2000 });
    world.fake.editMessage(world.channelId, posted.id, 'second draft');
    await row.getByText('second draft').waitFor({ timeout: 2000 });
    await row.locator('.message__edited').waitFor({ timeout: 2000 });
    world.fake.deleteMessage(world.channelId, posted.id);
    await page.locator(`[data-message-id="${posted.id}"]:is(.message--deleted, :has(.message__deleted))`).waitFor({ timeout: 2000 });
  });

  it('stop and start from the primary button keep one session', async () => {
    const button = page.getByTestId('primary-action');
    await button.click();
    await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 10_000 });
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 2000);
    await button.click();
    await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  });
});
