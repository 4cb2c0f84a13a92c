// First run as a user does it in the browser: nothing configured → open Settings → a bad channel ID is
// refused inline → fix it, save → start monitoring → a message posted on Discord appears.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser, shoot } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

let world: World;
let app: HeadlessProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  dataDir = mkdtempSync(join(tmpdir(), 'dm-settings-e2e-'));
  // No Discord settings in the environment: the user enters them in the panel.
  app = await startHeadless(['--data-dir', dataDir], { DISCORD_CDN_URL: world.fake.cdnUrl, AUTO_UPDATE_ENABLED: 'False' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await world.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('configure in the settings dialog, start, see messages', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.goto(app.url);
  await page.locator('[data-testid="status"][data-state="not-configured"]').waitFor({ timeout: 10_000 });
  await shoot(page, 'not-configured');
  await page.getByTestId('primary-action').click(); // "Configure"
  const dialog = page.getByTestId('settings-dialog');
  await dialog.waitFor();

  await page.locator('#settings-token').fill(TOKEN);
  await page.locator('#settings-guildId').fill(world.guildId);
  await page.locator('#settings-channelId').fill('12345');
  await dialog.getByText('Advanced').click();
  await page.locator('#settings-apiUrl').fill(world.fake.apiUrl);
  await dialog.locator('button[type="submit"]').click();
  const error = page.locator('#settings-channelId-error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toMatch(/17 to 20 digits/);
  await expect(page.locator('#settings-channelId').getAttribute('aria-invalid')).resolves.toBe('true');
  await shoot(page, 'settings-invalid');
  // Nothing was saved.
  await expect(page.locator('[data-testid="status"]').getAttribute('data-state')).resolves.toBe('not-configured');

  await page.locator('#settings-channelId').fill(world.channelId);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 10_000 });

  await page.getByTestId('primary-action').click(); // "Start monitoring"
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  const posted = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'configured from the **panel**' });
  await page.locator(`[data-message-id="${posted.id}"]`).waitFor({ timeout: 2000 });
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  await shoot(page, 'connected-first-message');

  // The token never reached the page: not in the DOM, not in storage.
  const html = await page.content();
  expect(html).not.toContain(TOKEN);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(TOKEN);

  world.fake.setIdentifyClose(TOKEN, 4014);
  await page.getByTestId('primary-action').click(); // Stop
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 10_000 });
  await page.getByTestId('primary-action').click(); // Start → 4014
  await page.locator('[data-testid="status"][data-state="error"]').waitFor({ timeout: 10_000 });
  await expect(page.getByTestId('status').textContent()).resolves.toMatch(/Message Content intent/);
  await shoot(page, 'error-missing-intent');
  world.fake.setIdentifyClose(TOKEN, null);
}, 90_000);
