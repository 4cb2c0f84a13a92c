// The panel of an app started on a read-only data folder (a mount gone read-only, a full disk): it
// used to exit before serving anything. Now the page opens, messages arrive live, and the notice says
// why nothing is saved and what to do, in the reader's language (French here: its reason and its
// advice are sentences of their own inside it).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mountReadOnly, mountTmpfs, unmountAll } from '../helpers/disk.js';
import { shoot } from './browser.js';
import { startPanelWorld, type PanelWorld } from './panel-world.js';

let stage: PanelWorld;
let mountDir: string;
let dataDir: string;

beforeAll(async () => {
  mountDir = mkdtempSync(join(tmpdir(), 'dm-e2e-read-only-'));
  mountTmpfs(mountDir);
  dataDir = join(mountDir, 'data');
  mkdirSync(dataDir);
  mountReadOnly(dataDir);
  stage = await startPanelWorld('read-only', undefined, { dataDir, env: { AUTO_UPDATE_ENABLED: 'False' } });
});

afterAll(async () => {
  await stage?.close();
  unmountAll();
  rmSync(mountDir, { recursive: true, force: true });
});

it('opens, shows messages live and says in French why they are not saved', async () => {
  const page = await stage.browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'fr-FR' });
  await page.goto(stage.app.url);
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  stage.world.fake.postMessage(stage.world.channelId, { authorId: stage.world.userId, content: 'posted while the folder is read-only' });
  await page.getByText('posted while the folder is read-only').waitFor({ timeout: 10_000 });
  const notice = page.locator('[data-testid="notice"][data-code="messages-in-memory"]');
  await notice.waitFor({ timeout: 10_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(`Les messages ne peuvent pas être enregistrés dans ${dataDir} : le dossier de données est en lecture seule.`);
  expect(text).toContain('Rendez le dossier accessible en écriture, puis redémarrez l’application');
  await shoot(page, 'read-only-folder');
});
