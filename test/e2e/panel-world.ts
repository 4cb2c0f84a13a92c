// The usual e2e stage: a fake Discord, the built headless app configured for it in a temp data folder,
// and Chromium. Each test file starts one in beforeAll and closes it in afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { launchBrowser } from './browser.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

export interface PanelWorld {
  world: World;
  app: HeadlessProcess;
  browser: Browser;
  dataDir: string;
  close(): Promise<void>;
}

/** `prepare` runs on the fake Discord before the app starts (e.g. to post history). */
/** `options.dataDir`: a data folder of the caller's (kept afterwards; by default a temp one, removed). */
/** `options.env`: the app's environment on top of the world's; a function is called after `prepare` (a guild it made). */
export async function startPanelWorld(name: string, prepare?: (world: World) => void, options: { dataDir?: string; env?: NodeJS.ProcessEnv | (() => NodeJS.ProcessEnv) } = {}): Promise<PanelWorld> {
  const world = await createWorld({ heartbeatIntervalMs: 5000 });
  prepare?.(world);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `dm-e2e-${name}-`));
  const app = await startHeadless(['--data-dir', dataDir], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_CDN_URL: world.fake.cdnUrl,
    ...(typeof options.env === 'function' ? options.env() : options.env),
  });
  const browser = await launchBrowser();
  return {
    world,
    app,
    browser,
    dataDir,
    close: async () => {
      await browser.close();
      await app.stop();
      await world.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page on the panel, once the bot shows as connected. */
export async function openConnected(stage: PanelWorld, viewport?: { width: number; height: number }, timeout = 10_000): Promise<Page> {
  const page = await stage.browser.newPage(viewport ? { viewport } : {});
  await page.goto(stage.app.url);
  await page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout });
  return page;
}
