// Headless mode: the same core as the desktop app, with the panel served over HTTP/WebSocket.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore, type Core, type CoreOptions } from '../core/app-core.js';
import { FileSecretBox } from '../core/settings/file-secret-box.js';
import type { KeyValueStore, StoreFactory } from '../core/settings/open-store.js';
import { isLoopback, type HeadlessArgs } from './args.js';
import { startPanelServer, type PanelServer } from './http-server.js';
import { resolvePaths } from './paths.js';

export const confStore: StoreFactory = (options) => new Conf(options) as unknown as KeyValueStore;

export interface Headless {
  core: Core;
  panel: PanelServer;
  stop(): Promise<void>;
}

export async function runHeadless(
  args: HeadlessArgs,
  env: NodeJS.ProcessEnv,
  appDir: string,
  extra: Partial<CoreOptions> = {},
): Promise<Headless> {
  const paths = resolvePaths(env, appDir, args.dataDir);
  const core = await createCore({
    paths,
    secrets: new FileSecretBox(join(paths.dataDir, 'token')),
    storeFactory: confStore,
    env,
    mode: 'headless',
    logToStdout: true,
    ...extra,
  });
  const accessToken = args.noToken ? null : (env.DISCORD_MONITOR_ACCESS_TOKEN ?? core.settings.accessToken());
  if (!isLoopback(args.host)) core.log.logger.warn(`The panel is served on ${args.host}: anyone who can reach it and has the access token controls the bot.`);
  const panel = await startPanelServer({ core, rendererDir: join(appDir, '.vite', 'renderer', 'main_window'), host: args.host, port: args.port, accessToken });
  core.log.logger.info(`Panel served on http://${args.host}:${panel.port}/ (${core.info().version}, commit ${core.info().commit?.slice(0, 7) ?? 'unknown'}).`);
  // Printed, not logged: the URL carries the access token, which the logs never show.
  process.stdout.write(`\nDiscord Monitor panel: ${panel.url}\n\n`);

  const { autoStartBot } = core.settings.effective();
  if (autoStartBot && core.settings.view().configured) void core.monitor.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      core.log.logger.info('Shutting down: disconnecting from Discord first.');
      await core.shutdown();
      await panel.close();
    })());
  return { core, panel, stop };
}

/** Loads every module, serves the panel once from a throw-away data folder, and reports. */
export async function selfTest(appDir: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-selftest-'));
  try {
    const h = await runHeadless(
      { host: '127.0.0.1', port: 0, dataDir, noToken: false, selfTest: true, relaunched: false },
      { DISCORD_MONITOR_DATA_DIR: dataDir },
      appDir,
      { logToStdout: false },
    );
    try {
      const health = await fetch(`http://127.0.0.1:${h.panel.port}/healthz`);
      const page = await fetch(`http://127.0.0.1:${h.panel.port}/`);
      const html = await page.text();
      if (!health.ok) throw new Error(`health check answered ${health.status}`);
      if (!page.ok || !html.includes('<div id="root">')) throw new Error('the built panel (index.html) is missing or broken');
      const reply = await h.core.dispatch('app.info', undefined);
      if (!reply.ok) throw new Error(`app.info failed: ${reply.error.message}`);
    } finally {
      await h.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
