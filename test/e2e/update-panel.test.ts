// The full cycle as a user sees it in the web panel: update button → confirmation → live stepper →
// restart → automatic reconnection and reload → the new version, with messages posted meanwhile shown once.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser, shoot } from './browser.js';
import { health } from './health.js';
import { bumpVersion, startInstalledApp, type InstalledApp } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

let world: World;
let installed: InstalledApp;
let browser: Browser;
let relaunched: number | null = null;
// The update holds at standby-ready while the page is read (and shot): with the Node bundle reused, the
// whole update takes about 2 s and the page reloads by itself, so nothing else is a steady moment.
const pauseDir = mkdtempSync(join(tmpdir(), 'dm-update-panel-pause-'));

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  installed = await startInstalledApp(world, { DISCORD_MONITOR_PAUSE_DIR: pauseDir });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await installed?.close(relaunched);
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 10_000).catch(() => undefined);
  await world.close();
  rmSync(pauseDir, { recursive: true, force: true });
});

it('click update, confirm, watch the steps, come back as the new version', async () => {
  const { app, checkout } = installed;
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(app.url);
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  const before = await health(new URL(app.url).origin);
  const sha = checkout.push('Release 7.0.0: nicer panel', (d) => bumpVersion(d, '7.0.0'));

  const button = page.getByTestId('update-button');
  await button.locator('xpath=self::*[@data-state="up-to-date" or @data-state="checking"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="update-button"]:not([data-state="checking"])').waitFor({ timeout: 15_000 });
  await button.click(); // up to date → check now
  await page.locator('[data-testid="update-button"][data-state="available"]').waitFor({ timeout: 15_000 });
  await expect(button.textContent()).resolves.toContain('1');
  await button.click();

  const confirm = page.getByTestId('update-confirm');
  await confirm.waitFor();
  const text = (await confirm.textContent()) ?? '';
  expect(text).toContain('Release 7.0.0: nicer panel');
  expect(text).toContain(sha.slice(0, 7));
  expect(text).toMatch(/No dependency change/i);
  await shoot(page, 'update-confirm');

  const posted: string[] = [];
  const poster = setInterval(() => posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `meanwhile ${posted.length}` }).id), 150);
  const trap = join(pauseDir, 'standby-ready');
  writeFileSync(trap, '');
  await page.getByTestId('update-confirm-button').click();
  const overlay = page.getByTestId('update-overlay');
  await overlay.waitFor({ timeout: 5000 });
  await world.fake.waitFor(() => existsSync(`${trap}.reached`), 60_000);
  // Held with the new version in standby: the steps up to the build are done, the bot still connected.
  await page.locator('[data-testid="update-step"][data-step="build"][data-status="done"]').waitFor({ timeout: 10_000 });
  expect(world.fake.liveSessions(TOKEN)).toBe(1);
  await shoot(page, 'update-progress');
  rmSync(trap);

  // The page reloads by itself once the new process answers; the footer then shows the new version.
  await page.getByTestId('footer').getByText('7.0.0').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  clearInterval(poster);
  const after = await health(new URL(app.url).origin);
  relaunched = after.pid;
  expect(after.pid).not.toBe(before.pid);
  expect(after.commit).toBe(sha);
  await expect(page.getByTestId('last-update').textContent()).resolves.toMatch(/Updated \w{7} → \w{7} in [\d.]+ s/);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);

  // Every message posted during the update is there exactly once (the list is windowed: ask the app,
  // and check the newest ones on screen).
  const client = await panelClient(app.url);
  const last = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'after the update' }).id;
  await page.locator(`[data-message-id="${last}"]`).waitFor({ timeout: 5000 });
  const list = await client.invoke<Array<{ id: string }>>('messages.list', { limit: 500 });
  const ids = list.ok ? list.value.map((m) => m.id) : [];
  for (const id of posted) expect(ids.filter((x) => x === id)).toHaveLength(1);
  for (const id of posted.slice(-3)) expect(await page.locator(`[data-message-id="${id}"]`).count()).toBe(1);
  client.close();
  await shoot(page, 'updated');
}, 150_000);
