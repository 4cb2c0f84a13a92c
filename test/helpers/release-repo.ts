// A copy of this project in a repository of its own, with its dependencies in the release layout and a
// stand-in running build (panel and preload present), for tests that build real releases beside it
// with the real build script and bundler, as an update does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { lockHash } from '../../electron/core/update/deps-store.js';
import { buildRelease, type Release } from '../../electron/core/update/release.js';
import { depsDir } from '../../electron/core/update/release-layout.js';
import { git, shareDependencies } from '../e2e/installed-checkout.js';
import { APP_DIR } from './world.js';

export interface ReleaseRepo {
  root: string;
  app: string;
  /** The first commit: this project as committed, with the build scripts as they are here. */
  first: string;
  /** A running build with only the panel and the preload (a plain checkout's .vite stand-in). */
  plain: string;
  hash: string;
}

export function releaseRepo(prefix: string): ReleaseRepo {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const app = join(root, 'app');
  mkdirSync(app);
  execFileSync('sh', ['-c', `git -C "${APP_DIR}" archive HEAD | tar -xf - -C "${app}"`]);
  // The build scripts as they are here (the code under test), the rest as committed.
  for (const f of ['scripts/build.mjs', 'scripts/build-inputs.mjs']) copyFileSync(join(APP_DIR, f), join(app, f));
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'first');
  const hash = lockHash(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  mkdirSync(depsDir(app, hash), { recursive: true });
  shareDependencies(join(APP_DIR, 'node_modules'), join(depsDir(app, hash), 'node_modules'));
  const plain = join(root, 'plain-vite');
  mkdirSync(join(plain, 'renderer', 'main_window'), { recursive: true });
  mkdirSync(join(plain, 'build'), { recursive: true });
  writeFileSync(join(plain, 'renderer', 'main_window', 'index.html'), '<div id="root"></div>');
  writeFileSync(join(plain, 'build', 'preload.cjs'), '');
  return { root, app, first: git(app, 'rev-parse', 'HEAD'), plain, hash };
}

/** `commit` built as a release beside `running` (the build the update runs from, and its commit); with the build's log. */
export async function buildCommit(repo: ReleaseRepo, commit: string, running: { vite: string; commit: string }): Promise<{ release: Release; log: string }> {
  const lines: string[] = [];
  const release = await buildRelease({
    git: simpleGit(repo.app), appDir: repo.app, commit, depsHash: repo.hash, running,
    build: [process.execPath, 'scripts/build.mjs'] as const, timeoutMs: 180_000, log: (l) => lines.push(typeof l === 'string' ? l : l.text),
  });
  return { release, log: lines.join('\n') };
}

/** A commit on top of `base` with `edit` applied, built beside `running` as an update would. */
export async function buildOn(
  repo: ReleaseRepo, base: string, message: string, edit: (dir: string) => void, running: { vite: string; commit: string },
): Promise<{ release: Release; log: string }> {
  git(repo.app, 'checkout', '-q', '--detach', base);
  edit(repo.app);
  git(repo.app, 'add', '-A');
  git(repo.app, 'commit', '-qm', message);
  return buildCommit(repo, git(repo.app, 'rev-parse', 'HEAD'), running);
}

/** The text of each .js file of a release's Node bundle, by file name. */
export const bundleFiles = (vite: string): [string, string][] =>
  (readdirSync(join(vite, 'build'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(vite, 'build', f), 'utf8')]);
