// Headless mode: the same core as the desktop app, with the panel served over HTTP/WebSocket.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { coreText } from '../../shared/core-text.js';
import { createCore, type Core, type CoreOptions } from '../core/app-core.js';
import { say } from '../core/log/say.js';
import { FileSecretBox } from '../core/settings/file-secret-box.js';
import type { KeyValueStore, StoreFactory } from '../core/settings/open-store.js';
import { accessTokenFromEnv } from './access-token.js';
import { isLoopback, type HeadlessArgs } from './args.js';
import { startPanelServer, type PanelServer } from './http-server.js';
import { bracketHost, wildcardNote } from './panel-address.js';
import { resolvePaths } from './paths.js';
import { headlessHandover } from './handover.js';
import { headlessRelauncher } from './relauncher.js';
import { logNotify, notifyReady } from './sd-notify.js';
import { standbyThenTakeOver } from './standby-run.js';

export const confStore: StoreFactory = (options) => new Conf(options) as unknown as KeyValueStore;

export interface Headless {
  core: Core;
  panel: PanelServer;
  stop(): Promise<void>;
}

export interface HeadlessOptions {
  /** The entry script and its arguments, for a relaunch after an update. */
  relaunch?: { script: string; argv: string[] };
  /** The panel's files, from the build that runs (default: the checkout's .vite). */
  rendererDir?: string;
  /** Deadline for the new version to become healthy after an update. */
  healthyWithinMs?: number;
}

export async function runHeadless(
  args: HeadlessArgs,
  env: NodeJS.ProcessEnv,
  appDir: string,
  extra: Partial<CoreOptions> = {},
  opts: HeadlessOptions = {},
): Promise<Headless> {
  // Checked before anything starts: a guessable token refuses the start, a blank one is ignored.
  const envAccess = accessTokenFromEnv(env.DISCORD_MONITOR_ACCESS_TOKEN);
  const paths = resolvePaths(env, appDir, args.dataDir);
  let panel: PanelServer | null = null;
  let stop: () => Promise<void> = async () => undefined;
  const relauncher = opts.relaunch
    ? headlessRelauncher({ ...opts.relaunch, cwd: appDir, port: () => panel?.port ?? args.port, stop: () => stop() })
    : null;
  // Updates hand over to a new process started beside this one; 'off' keeps the old restart (benchmark baseline).
  const handover =
    opts.relaunch && env.DISCORD_MONITOR_HANDOVER !== 'off'
      ? headlessHandover({ appDir, argv: opts.relaunch.argv, panel: () => panel, port: () => panel?.port ?? args.port, shutdown: () => core.shutdown() })
      : null;
  const core = await createCore({
    relauncher,
    paths,
    secrets: new FileSecretBox(join(paths.dataDir, 'token')),
    storeFactory: confStore,
    env,
    mode: 'headless',
    logToStdout: true,
    ...extra,
    update: { ...extra.update, handover },
  });
  if (!core.settings.view().token.set && existsSync(join(paths.dataDir, 'token.enc'))) {
    say(core.log.logger, 'warn', coreText('log.keyringTokenUnreadable'));
  }
  const running = (served: PanelServer): Headless => {
    let stopping: Promise<void> | null = null;
    stop = () =>
      (stopping ??= (async () => {
        say(core.log.logger, 'info', coreText('log.shuttingDown'));
        await core.shutdown();
        await served.close();
      })());
    return { core, panel: served, stop };
  };
  if (args.standby) {
    // Started by the running version for a handover: no boot check, panel or bot until it hands over.
    const accessToken = args.noToken ? null : (envAccess.token ?? core.settings.accessToken());
    if (accessToken) core.log.redactor.add(accessToken);
    const rendererDir = opts.rendererDir ?? join(appDir, '.vite', 'renderer', 'main_window');
    const fd = args.listenFd ?? undefined;
    panel = await standbyThenTakeOver({
      core,
      env,
      rendererDir,
      healthyWithinMs: opts.healthyWithinMs,
      serve: () => startPanelServer({ core, rendererDir, host: args.host, allowedHosts: args.allowedHosts, port: args.port, accessToken, ...(fd ? { fd } : {}) }),
    });
    process.stdout.write(`\nDiscord Monitor panel: ${panel.url}\n${wildcardNote(args.host, panel.port) ?? ''}\n`);
    return running(panel);
  }
  // Before the bot and the panel: finish or undo what an update left behind.
  const boot = args.selfTest ? { resumeBot: false, restartNeeded: false } : await core.updates.boot();
  if (boot.restartNeeded) {
    say(core.log.logger, 'warn', coreText('log.restartAfterRestore'));
    // Under a service manager, exit and let it restart us: a detached copy would run beside its own.
    if (core.updates.restartMethod() === 'relaunch' && relauncher) await relauncher.relaunch([]);
    await core.shutdown();
    process.exit(1);
  }
  const accessToken = args.noToken ? null : (envAccess.token ?? core.settings.accessToken());
  // The stored access token is redacted by the core; one from the environment must be too.
  if (accessToken) core.log.redactor.add(accessToken);
  if (!args.noToken && envAccess.token === null && envAccess.ignoredEmpty) say(core.log.logger, 'warn', coreText('log.accessTokenEmpty'));
  if (!isLoopback(args.host)) say(core.log.logger, 'warn', coreText('log.panelExposed', { host: args.host }));
  try {
    // Only a relaunched process waits for its predecessor to let go of the port.
    panel = await listenWithRetry(
      () => startPanelServer({ core, rendererDir: opts.rendererDir ?? join(appDir, '.vite', 'renderer', 'main_window'), host: args.host, allowedHosts: args.allowedHosts, port: args.port, accessToken }),
      args.relaunched ? 10_000 : 0,
    );
  } catch (err) {
    await core.shutdown();
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    throw new Error(`port ${args.port} on ${args.host} is in use by another program (another Discord Monitor or demo?): stop it, or pass --port N to use another port`, { cause: err });
  }
  // No URL in the log: a token-less one would open a refused page, and the token is never logged.
  const where = `${bracketHost(args.host)}:${panel.port}`;
  const listening = { where, version: core.info().version, commit: core.info().commit?.slice(0, 7) ?? 'unknown' };
  say(core.log.logger, 'info', coreText(accessToken ? 'log.panelListening' : 'log.panelListeningNoToken', listening));
  // Printed once, not logged: the URL carries the access token.
  process.stdout.write(`\nDiscord Monitor panel: ${panel.url}\n${wildcardNote(args.host, panel.port) ?? ''}\n`);
  if (!args.selfTest) void notifyReady(env).then((said) => logNotify(core.log.logger, said));

  const { autoStartBot } = core.settings.effective();
  const startBot = boot.resumeBot || (autoStartBot && core.settings.view().configured);
  if (startBot) void core.monitor.start();
  if (!args.selfTest) {
    void core.updates.confirmHealthyWhenSettled(startBot, opts.healthyWithinMs);
    core.updates.schedule();
  }

  return running(panel);
}

/** After a relaunch the old process may hold the port for a moment longer. */
async function listenWithRetry(listen: () => Promise<PanelServer>, deadlineMs = 10_000): Promise<PanelServer> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await listen();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() >= end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Loads every module, serves the panel once from a throw-away data folder, and reports. */
export async function selfTest(appDir: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-selftest-'));
  try {
    const h = await runHeadless(
      { host: '127.0.0.1', port: 0, dataDir, noToken: false, selfTest: true, relaunched: false, waitPid: null },
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
