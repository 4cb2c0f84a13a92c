// The Archive dialog in real Chromium against the built headless app: an export downloads as a file
// (one-time link; the access token stays out of the URL) and re-imports to what the panel shows;
// "delete all messages" asks for the three confirmations, writes a backup, and empties the channel
// on the fake Discord, whose bulk-delete rules apply.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonExport } from '../../electron/core/archive/import.js';
import { PERMISSION } from '../fake-discord/permissions.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser, shoot } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

let world: World;
let app: HeadlessProcess;
let browser: Browser;
let page: Page;
let dataDir: string;
const requested: string[] = [];

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  const role = world.fake.permissions.addRole(world.guildId, 'Moderator', PERMISSION.MANAGE_MESSAGES);
  world.fake.permissions.grantRole(world.guildId, world.botId, role);
  world.fake.postBacklog(world.channelId, [world.userId], 30, (i) => `archived **${i}**`);
  dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-archive-'));
  app = await startHeadless(['--data-dir', dataDir], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_CDN_URL: world.fake.cdnUrl,
    DANGEROUS_ACTIONS_ENABLED: 'True',
  });
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(app.url);
  await page.getByTestId('status').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await world?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('archive in the panel', () => {
  it('downloads a JSON export that re-imports to the stored messages, without the token in any URL', async () => {
    await page.getByTestId('archive-button').click();
    const dialog = page.getByTestId('archive-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-format').selectOption('json');
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByTestId('export-start').click();
    const file = join(dataDir, 'downloaded.json');
    await (await download).saveAs(file);
    const exported = readJsonExport(file);
    expect(exported.count).toBe(30);
    expect(exported.messages.map((m) => m.content)).toContain('archived **29**');
    const token = new URL(app.url).searchParams.get('token')!;
    expect(requested.filter((u) => u.includes('/api/export')).every((u) => !u.includes(token))).toBe(true);
    await shoot(page, 'archive-dialog');
  });

  // The file printed UTC while the panel's days were the viewer's: its zone now travels to the file.
  it('a viewer in Kolkata downloads a text export in Kolkata time, the zone named in the form and in the file', async () => {
    const context = await browser.newContext({ acceptDownloads: true, timezoneId: 'Asia/Kolkata' });
    try {
      const there = await context.newPage();
      await there.goto(app.url);
      await there.getByTestId('archive-button').click();
      const dialog = there.getByTestId('archive-dialog');
      await dialog.waitFor();
      // Chromium names it Asia/Kolkata or, with older zone data, Asia/Calcutta.
      const zone = await there.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(zone).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
      expect(await dialog.locator('label', { has: there.getByTestId('export-after') }).textContent()).toContain(`a day in ${zone}`);
      await dialog.getByTestId('export-format').selectOption('txt');
      const download = there.waitForEvent('download', { timeout: 15_000 });
      await dialog.getByTestId('export-start').click();
      const file = join(dataDir, 'downloaded.txt');
      await (await download).saveAs(file);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`Time zone: ${zone} (UTC+05:30)`);
      const json = readJsonExport(join(dataDir, 'downloaded.json'));
      for (const m of json.messages) expect(text).toContain(`[${new Date(m.createdAt + 5.5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} +05:30] `);
    } finally {
      await context.close();
    }
  });

  it('deletes all messages after the three confirmations, backup first, and shows the count', async () => {
    const dialog = page.getByTestId('archive-dialog');
    const start = dialog.getByTestId('delete-start');
    await start.waitFor();
    expect(await start.isDisabled()).toBe(true);
    await dialog.getByTestId('delete-phrase').fill('DELETE ALL MESSAGES');
    await dialog.getByTestId('delete-channel').fill('general');
    await dialog.getByTestId('delete-acknowledge').check();
    await start.click();
    const progress = dialog.getByTestId('delete-progress');
    await progress.getByText(/^Done: 30 deleted \(30 in bulk, 0 one by one\)/).waitFor({ timeout: 20_000 });
    expect(await progress.textContent()).toMatch(/Backup written first: .*message-backups.*before-delete-all-30\.json/);
    expect(world.fake.messages(world.channelId)).toEqual([]);
    // The backup list follows: the one written before deleting is there.
    await dialog.getByText(/— 30 messages \(before deleting all\)/).waitFor({ timeout: 5000 });
    await progress.scrollIntoViewIfNeeded();
    await shoot(page, 'archive-delete-done');
  });
});
