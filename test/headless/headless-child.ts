// The real headless entry as a child process (Node's type stripping, no build): for tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { TS_NODE } from '../helpers/ts-node.js';
import { APP_DIR, configuredEnv, createWorld, type World } from '../helpers/world.js';

export interface HeadlessChild {
  out: () => string;
  /** Resolves once the app said `what` (after `from`, an offset in its output); rejects after 30 s. */
  said: (what: RegExp, from?: number) => Promise<void>;
  exited: Promise<void>;
  child: ChildProcess;
}

/** Starts the app on `dataDir` against `world`'s fake Discord; `children` collects it for the test's cleanup. */
export function startHeadlessChild(world: World, dataDir: string, children: Set<ChildProcess>, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): HeadlessChild {
  const child = spawn(process.execPath, [...TS_NODE, join(APP_DIR, 'electron', 'headless', 'main.ts'), '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH, DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl, ...configuredEnv(world), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const waiters = new Set<() => void>();
  const seen = (d: Buffer) => {
    out += d.toString();
    waiters.forEach((w) => w());
  };
  child.stdout!.on('data', seen);
  child.stderr!.on('data', seen);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const said = (what: RegExp, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not said within 30 s: ${what}\n${out}`)), 30_000);
      const check = () => {
        if (!what.test(out.slice(from))) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { out: () => out, said, exited, child };
}

/**
 * Registers a fake Discord and a data folder per test, and kills what the test started; `start` runs the
 * app on them (`env` and `args` added).
 */
export function useHeadlessChildren(prefix: string): { world: () => World; dataDir: () => string; start: (env?: NodeJS.ProcessEnv, args?: readonly string[]) => HeadlessChild } {
  let world: World;
  let dataDir: string;
  const children = new Set<ChildProcess>();
  beforeEach(async () => {
    world = await createWorld();
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const c of children) c.kill('SIGKILL');
    children.clear();
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { world: () => world, dataDir: () => dataDir, start: (env = {}, args = []) => startHeadlessChild(world, dataDir, children, env, args) };
}
