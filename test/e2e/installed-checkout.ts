// A real "installed checkout" for update tests: a bare origin cloned from this repository's HEAD,
// a clone of it built for real (dependencies shared from here, safely), and a helper to push new commits.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { APP_DIR, TOKEN, type World } from '../helpers/world.js';
import { startHeadless, type HeadlessProcess } from './headless-process.js';

// Git must not see the outer repository's variables (hooks, worktrees) from here.
const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
  }).trim();
}

/**
 * Gives a test checkout the repository's installed dependencies without exposing them: `npm ci`
 * empties node_modules *through* a symlink, so the checkout gets its own folder of hard links
 * (a link can be removed without touching the file). Across filesystems (no hard links), a
 * folder of one symlink per package: removing those removes only the links.
 */
export function shareDependencies(from: string, to: string, how: 'hard-links' | 'package-links' = 'hard-links'): void {
  if (how === 'hard-links') {
    try {
      execFileSync('cp', ['-al', from, to], { stdio: 'pipe' });
      return;
    } catch {
      rmSync(to, { recursive: true, force: true });
    }
  }
  mkdirSync(to);
  for (const entry of readdirSync(from)) symlinkSync(join(from, entry), join(to, entry));
}

/** The e2e run's folder of builds by commit (build-cache-setup.ts); none outside it (the benches). */
function buildCache(): string | undefined {
  try {
    return inject('e2eBuildCache');
  } catch {
    return undefined;
  }
}

/**
 * Builds a fresh clone as `npm run build` does. The output holds no path, so every clone of a commit
 * builds the same files: the first build of a commit in a run is kept and later clones get a copy
 * (a copy, not links: an update rewrites the checkout's .vite/ in place).
 */
function buildCheckout(dir: string): void {
  const cache = buildCache();
  const kept = cache ? join(cache, git(dir, 'rev-parse', 'HEAD')) : undefined;
  if (kept && existsSync(kept)) {
    cpSync(kept, join(dir, '.vite'), { recursive: true });
    return;
  }
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
  if (!cache || !kept) return;
  // Whole or not at all: a file running beside this one may be keeping the same commit.
  const partial = mkdtempSync(join(cache, 'partial-'));
  cpSync(join(dir, '.vite'), partial, { recursive: true });
  try {
    renameSync(partial, kept);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

export interface Checkout {
  root: string;
  origin: string;
  dir: string;
  head(): string;
  /** Commits `edit` in a separate clone and pushes it to origin; returns the new sha. */
  push(message: string, edit: (dir: string) => void): string;
  close(): void;
}

export function createInstalledCheckout(): Checkout {
  const root = mkdtempSync(join(tmpdir(), 'dm-install-'));
  const origin = join(root, 'origin.git');
  const dir = join(root, 'app');
  const work = join(root, 'work');
  // Hard links to this repository's objects (git never rewrites an object file): copying its thousands
  // of loose objects took about 10 s per checkout on a loaded machine.
  git(root, 'clone', '-q', '--bare', APP_DIR, origin);
  git(root, 'clone', '-q', origin, dir);
  git(root, 'clone', '-q', origin, work);
  shareDependencies(join(APP_DIR, 'node_modules'), join(dir, 'node_modules'));
  buildCheckout(dir);
  return {
    root,
    origin,
    dir,
    head: () => git(dir, 'rev-parse', 'HEAD'),
    push(message, edit) {
      git(work, 'pull', '-q', '--ff-only');
      edit(work);
      git(work, 'commit', '-qam', message);
      git(work, 'push', '-q', 'origin', 'HEAD');
      return git(work, 'rev-parse', 'HEAD');
    },
    close: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Sets package.json's version in a checkout (the visible sign that a new version runs). */
export function bumpVersion(dir: string, version: string): void {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  pkg.version = version;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

export interface InstalledApp {
  checkout: Checkout;
  app: HeadlessProcess;
  dataDir: string;
  /** Stops the app (and a relaunched successor, by pid), removes the checkout and data. */
  close(successorPid?: number | null): Promise<void>;
}

/**
 * A built installed checkout running headless against the fake Discord, configured by environment;
 * `prepare` changes the checkout before the app starts (e.g. another commit, built again).
 */
export async function startInstalledApp(
  world: World,
  env: NodeJS.ProcessEnv = {},
  prepare?: (checkout: Checkout) => void,
): Promise<InstalledApp> {
  const checkout = createInstalledCheckout();
  prepare?.(checkout);
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-installed-'));
  const app = await startHeadless(
    ['--data-dir', dataDir],
    { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: world.guildId, DISCORD_CHANNEL_ID: world.channelId, DISCORD_API_URL: world.fake.apiUrl, ...env },
    'headless.js',
    checkout.dir,
  );
  return {
    checkout,
    app,
    dataDir,
    close: async (successorPid) => {
      if (successorPid) process.kill(successorPid, 'SIGTERM');
      await app.stop();
      checkout.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
