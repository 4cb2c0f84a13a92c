// The built headless app with test/helpers/memory-probe.mjs preloaded, for tests of what it holds at
// idle: the Node entries are built into a temp folder (not the shared .vite), started on a fake Discord.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForNewProcess } from '../e2e/health.js';
import { startHeadless, type HeadlessProcess } from '../e2e/headless-process.js';
import { APP_DIR, createWorld, TOKEN, type World } from './world.js';

const PROBE = join(APP_DIR, 'test', 'helpers', 'memory-probe.mjs');

export interface ProbedBuild {
  /** The build's output folder (headless.js, chunks/). */
  buildDir: string;
  world: World;
  app: HeadlessProcess;
  /** The pid /health answered with once the app was up. */
  healthPid: number;
  /** Asks the probe for its figures (SIGUSR2) and reads its line from the app's output. */
  probe<T>(): Promise<T>;
  close(): Promise<void>;
}

/** Builds, starts and waits for the app (a temp folder `prefix…`); whatever started is undone if a step fails. */
export async function startProbedBuild(prefix: string): Promise<ProbedBuild> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let world: World | undefined;
  let app: HeadlessProcess | undefined;
  const close = async () => {
    await app?.stop();
    await world?.close();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    // A build of the Node entries only, with the repository's dependencies beside it.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: APP_DIR, env: { ...process.env, DM_BUILD_OUT: join(root, '.vite'), DM_BUILD_SKIP: 'renderer,preload' }, stdio: 'pipe' });
    symlinkSync(join(APP_DIR, 'node_modules'), join(root, 'node_modules'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const w = (world = await createWorld({ heartbeatIntervalMs: 5000 }));
    const a = (app = await startHeadless(
      ['--data-dir', dataDir],
      { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: w.guildId, DISCORD_CHANNEL_ID: w.channelId, DISCORD_API_URL: w.fake.apiUrl, NODE_OPTIONS: `--import ${PROBE}` },
      'headless.js',
      root,
    ));
    const healthPid = (await waitForNewProcess(new URL(a.url).origin, -1, a.output, 30_000)).pid;
    const probe = async <T>(): Promise<T> => {
      const from = a.output().length;
      a.child.kill('SIGUSR2');
      await w.fake.waitFor(() => /memory-probe \{.*\}\n/.test(a.output().slice(from)), 10_000);
      return JSON.parse(/memory-probe (\{.*\})\n/.exec(a.output().slice(from))![1]!) as T;
    };
    return { buildDir: join(root, '.vite', 'build'), world: w, app: a, healthPid, probe, close };
  } catch (err) {
    await close();
    throw err;
  }
}
