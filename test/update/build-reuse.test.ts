// The updater's build step reuses the running release's Node bundle only when nothing the bundler read
// changed: real git, this project's real build script and bundler, real release folders. Each case is a
// commit on top of v1, built beside the v1 release as an update would.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lockHash } from '../../electron/core/update/deps-store.js';
import { buildRelease, type Release } from '../../electron/core/update/release.js';
import { depsDir } from '../../electron/core/update/release-layout.js';
import { bumpVersion, git, shareDependencies } from '../e2e/installed-checkout.js';
import { APP_DIR } from '../helpers/world.js';

let root: string;
let app: string;
let hash: string;
let v1: string;
let running: Release;

const build = [process.execPath, 'scripts/build.mjs'] as const;
const inode = (path: string) => statSync(path).ino;

/** A commit on top of v1 (each case its own), built beside the v1 release; returns the release and the build log. */
async function buildOnV1(message: string, edit: (dir: string) => void): Promise<{ release: Release; log: string }> {
  git(app, 'checkout', '-q', '--detach', v1);
  edit(app);
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', message);
  const commit = git(app, 'rev-parse', 'HEAD');
  const lines: string[] = [];
  const release = await buildRelease({
    git: simpleGit(app), appDir: app, commit, depsHash: hash, running: { vite: running.vite, commit: v1 },
    build, timeoutMs: 120_000, log: (l) => lines.push(l),
  });
  return { release, log: lines.join('\n') };
}

/** Every output file of a release's Node bundle whose text contains `needle`. */
const filesContaining = (vite: string, needle: string) =>
  (readdirSync(join(vite, 'build'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js') && readFileSync(join(vite, 'build', f), 'utf8').includes(needle));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dm-build-reuse-'));
  app = join(root, 'app');
  mkdirSync(app);
  // This project as committed, in a repository of its own.
  execFileSync('sh', ['-c', `git -C "${APP_DIR}" archive HEAD | tar -xf - -C "${app}"`]);
  // The build scripts as they are here (the code under test), the rest as committed.
  for (const f of ['scripts/build.mjs', 'scripts/build-inputs.mjs']) copyFileSync(join(APP_DIR, f), join(app, f));
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'v1');
  v1 = git(app, 'rev-parse', 'HEAD');
  hash = lockHash(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  mkdirSync(depsDir(app, hash), { recursive: true });
  shareDependencies(join(APP_DIR, 'node_modules'), join(depsDir(app, hash), 'node_modules'));
  // A stand-in running build with the panel and preload (reused as they are): v1's Node bundle is built for real.
  const plain = join(root, 'plain-vite');
  mkdirSync(join(plain, 'renderer', 'main_window'), { recursive: true });
  mkdirSync(join(plain, 'build'), { recursive: true });
  writeFileSync(join(plain, 'renderer', 'main_window', 'index.html'), '<div id="root"></div>');
  writeFileSync(join(plain, 'build', 'preload.cjs'), '');
  running = await buildRelease({
    git: simpleGit(app), appDir: app, commit: v1, depsHash: hash, running: { vite: plain, commit: v1 },
    build, timeoutMs: 120_000, log: () => undefined,
  });
  expect(existsSync(join(running.vite, 'build', 'node-inputs.json'))).toBe(true);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a release that changes no file the bundle read (version, docs) links the running Node bundle instead of bundling', async () => {
  const { release, log } = await buildOnV1('9.9.9, docs', (dir) => {
    bumpVersion(dir, '9.9.9');
    appendFileSync(join(dir, 'README.md'), '\nMore words.\n');
  });
  for (const file of ['headless.js', 'main.js', 'demo.js', 'export.js']) expect(inode(join(release.vite, 'build', file))).toBe(inode(join(running.vite, 'build', file)));
  // Nothing at all to build: the build script is not even started.
  expect(log).toMatch(/Nothing to build: .* files linked from/);
  expect(log).not.toContain('scripts/build.mjs');
  // What the build is still says the new version.
  expect(JSON.parse(readFileSync(join(release.vite, 'build', 'app-identity.json'), 'utf8')).version).toBe('9.9.9');
}, 120_000);

it('a preload-only change runs the build script, which bundles the preload and links the unchanged Node bundle', async () => {
  const { release, log } = await buildOnV1('preload', (dir) => appendFileSync(join(dir, 'electron', 'preload.ts'), '\n// changed\n'));
  expect(log).toContain('scripts/build.mjs (into a new release folder');
  expect(log).toContain('node entries unchanged');
  expect(inode(join(release.vite, 'build', 'headless.js'))).toBe(inode(join(running.vite, 'build', 'headless.js')));
  expect(inode(join(release.vite, 'build', 'preload.cjs'))).not.toBe(inode(join(running.vite, 'build', 'preload.cjs')));
  expect(readFileSync(join(release.vite, 'build', 'preload.cjs'), 'utf8')).not.toBe('');
}, 120_000);

it('a changed module is bundled again', async () => {
  const { release, log } = await buildOnV1('lock wording', (dir) => appendFileSync(join(dir, 'electron', 'core', 'update', 'lock.ts'), '\n// changed\n'));
  expect(inode(join(release.vite, 'build', 'headless.js'))).not.toBe(inode(join(running.vite, 'build', 'headless.js')));
  expect(log).toContain('electron/core/update/lock.ts changed');
}, 120_000);

it('a file added beside an input, which takes over its import, is bundled although no input changed', async () => {
  // `./lock.js` resolves to lock.ts only while no lock.js exists.
  const { release, log } = await buildOnV1('lock.js', (dir) =>
    writeFileSync(join(dir, 'electron', 'core', 'update', 'lock.js'), "export * from './lock.ts';\nglobalThis.shadowProbe = 'lock.js took over';\n"),
  );
  expect(filesContaining(release.vite, 'lock.js took over')).not.toEqual([]);
  expect(log).toContain('files were added or removed in electron/core/update/');
}, 120_000);

it('a change to the build setup (a TypeScript config) is bundled again', async () => {
  const { release } = await buildOnV1('tsconfig', (dir) => appendFileSync(join(dir, 'tsconfig.node.json'), '\n'));
  expect(inode(join(release.vite, 'build', 'headless.js'))).not.toBe(inode(join(running.vite, 'build', 'headless.js')));
}, 120_000);
