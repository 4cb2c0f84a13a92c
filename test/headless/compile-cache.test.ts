// Node's module compile cache for the built headless app (issue 10, update turnaround): it lives in
// <data dir>/compile-cache, is written once the app is up (so a running version's entries are there
// for its successor's standby), is used by the next start, and never stops the app from starting.
// Builds the Node entries into a temp folder (not the shared .vite) and starts them as real processes.
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';

let root: string;
let entry: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-compile-cache-'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: APP_DIR, env: { ...process.env, DM_BUILD_OUT: join(root, '.vite'), DM_BUILD_SKIP: 'renderer,preload' }, stdio: 'pipe' });
  symlinkSync(join(APP_DIR, 'node_modules'), join(root, 'node_modules'));
  entry = join(root, '.vite', 'build', 'headless.js');
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

let dirs = 0;
const newDataDir = (): string => {
  const dir = join(root, `data-${++dirs}`);
  mkdirSync(dir, { mode: 0o755 });
  return dir;
};

/** The environment of a user who asked for the cache (DISCORD_MONITOR_COMPILE_CACHE=1) and set none of Node's variables. */
function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DISCORD_MONITOR_COMPILE_CACHE: '1', ...extra };
  for (const key of ['NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE', 'NODE_DEBUG_NATIVE', 'DISCORD_TOKEN', 'DISCORD_MONITOR_DATA_DIR']) {
    if (!Object.hasOwn(extra, key)) delete env[key];
  }
  return env;
}

interface Running {
  origin: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts the built app on a free port; resolves once /healthz answered. */
async function start(dataDir: string, env: NodeJS.ProcessEnv = baseEnv(), opts: Pick<SpawnOptions, 'uid' | 'gid'> = {}): Promise<Running> {
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (err) => {
      out += `\nspawn error: ${err.message}`;
      resolve(null);
    });
    child.once('exit', (code) => resolve(code));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no panel URL printed within 30 s:\n${out.slice(-4000)}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /Discord Monitor panel: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before serving:\n${out.slice(-4000)}`));
    });
  });
  const origin = new URL(url).origin;
  const health = (await (await fetch(`${origin}/healthz`)).json()) as { ok: boolean; pid: number };
  expect(health).toMatchObject({ ok: true, pid: child.pid });
  return {
    origin,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Every cache file under `dir` with its mtime (Node keeps them in one folder per Node version and V8 flags). */
function cacheFiles(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  if (!existsSync(dir)) return files;
  for (const sub of readdirSync(dir)) {
    const path = join(dir, sub);
    if (!statSync(path).isDirectory()) continue;
    for (const name of readdirSync(path)) files.set(join(sub, name), statSync(join(path, name)).mtimeMs);
  }
  return files;
}

async function waitFor(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Node's own debug trace of the cache (NODE_DEBUG_NATIVE=COMPILE_CACHE): one line per module it reused.
const ACCEPTED_DISCORD_JS = /V8 code cache for CommonJS \S*\/node_modules\/discord\.js\/\S+ was accepted/;

describe('the compile cache of the built headless app', () => {
  it('is written under the data folder once the app is up (before it exits), and the next start reuses it unchanged', async () => {
    const dataDir = newDataDir();
    const cache = join(dataDir, 'compile-cache');
    const first = await start(dataDir);
    try {
      // Still running: the running version's entries must be on disk for its successor's standby.
      await waitFor('cache files written while the app runs', () => cacheFiles(cache).size > 50);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const written = cacheFiles(cache);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    // Left by another Node version or V8 flags: never read again, removed once the next start is up.
    mkdirSync(join(cache, 'v0.0.0-x64-00000000-0'));
    writeFileSync(join(cache, 'v0.0.0-x64-00000000-0', '1234abcd'), 'stale');

    const second = await start(dataDir, baseEnv({ NODE_DEBUG_NATIVE: 'COMPILE_CACHE' }));
    try {
      await waitFor('the stale subfolder removed', () => !existsSync(join(cache, 'v0.0.0-x64-00000000-0')));
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(second.output()).toMatch(ACCEPTED_DISCORD_JS);
    // Reused entries are not written again: same files, same times.
    expect(cacheFiles(cache)).toEqual(written);
    expect(readdirSync(cache)).toEqual([...new Set([...written.keys()].map((f) => f.split('/')[0]))]);
  }, 60_000);

  it('starts and answers /healthz when every cache file is garbage, and replaces them', async () => {
    const dataDir = newDataDir();
    const cache = join(dataDir, 'compile-cache');
    const first = await start(dataDir);
    expect(await first.stop()).toBe(0);
    const files = [...cacheFiles(cache).keys()];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) writeFileSync(join(cache, file), 'not a code cache\n');
    const second = await start(dataDir);
    expect(await second.stop()).toBe(0);
    const rewritten = files.filter((file) => !readFileSync(join(cache, file)).equals(Buffer.from('not a code cache\n')));
    expect(rewritten.length).toBeGreaterThan(50);
  }, 60_000);

  it('starts and answers /healthz when the cache folder is read-only', async () => {
    const dataDir = newDataDir();
    const cache = join(dataDir, 'compile-cache');
    mkdirSync(cache, { mode: 0o500 });
    // root writes through 0500: a read-only bind mount of the folder then (EROFS), as test/core/disk-faults.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      execFileSync('mount', ['--bind', cache, cache], { stdio: 'pipe' });
      execFileSync('mount', ['-o', 'remount,ro,bind', cache], { stdio: 'pipe' });
    }
    try {
      const app = await start(dataDir, baseEnv());
      expect(await app.stop()).toBe(0);
      expect(cacheFiles(cache).size).toBe(0);
    } finally {
      if (asRoot) execFileSync('umount', ['-l', cache]);
    }
  }, 60_000);

  it('starts and answers /healthz when a file stands where the cache folder would be', async () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, 'compile-cache'), 'mine');
    const app = await start(dataDir);
    expect(await app.stop()).toBe(0);
    expect(readFileSync(join(dataDir, 'compile-cache'), 'utf8')).toBe('mine');
  }, 60_000);

  it("uses the user's NODE_COMPILE_CACHE folder instead, and none in the data folder", async () => {
    const dataDir = newDataDir();
    const theirs = join(root, `theirs-${dirs}`);
    // Theirs to manage: nothing in it is removed.
    mkdirSync(join(theirs, 'other-tool'), { recursive: true });
    writeFileSync(join(theirs, 'other-tool', 'entry'), 'kept');
    const app = await start(dataDir, baseEnv({ NODE_COMPILE_CACHE: theirs }));
    await waitFor('cache files written while the app runs', () => cacheFiles(theirs).size > 50);
    expect(await app.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'compile-cache'))).toBe(false);
    expect(readFileSync(join(theirs, 'other-tool', 'entry'), 'utf8')).toBe('kept');
  }, 60_000);

  it('is off unless asked for (it costs idle memory)', async () => {
    const dataDir = newDataDir();
    const env = baseEnv();
    delete env.DISCORD_MONITOR_COMPILE_CACHE;
    const app = await start(dataDir, env);
    expect(await app.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'compile-cache'))).toBe(false);
  }, 60_000);

  it('is off with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const dataDir = newDataDir();
    const app = await start(dataDir, baseEnv({ NODE_DISABLE_COMPILE_CACHE: '1' }));
    expect(await app.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'compile-cache'))).toBe(false);
  }, 60_000);
});
