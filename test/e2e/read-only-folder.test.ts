// The panel of an app started on a read-only data folder (a mount gone read-only, a full disk): it
// used to exit before serving anything. Now the page opens, messages arrive live, and the notice says
// why nothing is saved and what to do, in the reader's language (French here: its reason and its
// advice are sentences of their own inside it).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mountReadOnly, mountTmpfs, unmountAll } from '../helpers/disk.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser, shoot } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

let world: World;
let app: HeadlessProcess;
let browser: Browser;
let mountDir: string;
let dataDir: string;

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  mountDir = mkdtempSync(join(tmpdir(), 'dm-e2e-read-only-'));
  mountTmpfs(mountDir);
  dataDir = join(mountDir, 'data');
  mkdirSync(dataDir);
  mountReadOnly(dataDir);
  app = await startHeadless(['--data-dir', dataDir], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_CDN_URL: world.fake.cdnUrl,
    AUTO_UPDATE_ENABLED: 'False',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await world?.close();
  unmountAll();
  rmSync(mountDir, { recursive: true, force: true });
});

it('opens, shows messages live and says in French why they are not saved', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'fr-FR' });
  await page.goto(app.url);
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'posted while the folder is read-only' });
  await page.getByText('posted while the folder is read-only').waitFor({ timeout: 10_000 });
  const notice = page.locator('[data-testid="notice"][data-code="messages-in-memory"]');
  await notice.waitFor({ timeout: 10_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(`Les messages ne peuvent pas être enregistrés dans ${dataDir} : le dossier de données est en lecture seule.`);
  expect(text).toContain('Rendez le dossier accessible en écriture, puis redémarrez l’application');
  await shoot(page, 'read-only-folder');
});
