// A real "installed checkout" for update tests: a bare origin cloned from this repository's HEAD,
// a clone of it built for real (node_modules linked from here), and a helper to push new commits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_DIR } from '../helpers/world.js';

// Git must not see the outer repository's variables (hooks, worktrees) from here.
const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
  }).trim();
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
  git(root, 'clone', '-q', '--bare', '--no-hardlinks', APP_DIR, origin);
  git(root, 'clone', '-q', origin, dir);
  git(root, 'clone', '-q', origin, work);
  symlinkSync(join(APP_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
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
