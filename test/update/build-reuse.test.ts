// The updater's build step reuses the running release's Node bundle only when nothing the bundler read
// changed: real git, this project's real build script and bundler, real release folders. Each case is a
// commit on top of v1, built beside the v1 release as an update would.
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Release } from '../../electron/core/update/release.js';
import { bumpVersion } from '../e2e/installed-checkout.js';
import { buildCommit, buildOn, bundleFiles, releaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';

let repo: ReleaseRepo;
let v1: string;
let running: Release;

const inode = (path: string) => statSync(path).ino;

/** A commit on top of v1 (each case its own), built beside the v1 release; returns the release and the build log. */
const buildOnV1 = (message: string, edit: (dir: string) => void) => buildOn(repo, v1, message, edit, { vite: running.vite, commit: v1 });

/** Every output file of a release's Node bundle whose text contains `needle`. */
const filesContaining = (vite: string, needle: string) => bundleFiles(vite).filter(([, text]) => text.includes(needle)).map(([f]) => f);

beforeAll(async () => {
  // This project as committed, in a repository of its own; v1's Node bundle built for real beside a
  // stand-in running build with the panel and preload (reused as they are).
  repo = releaseRepo('dm-build-reuse-');
  v1 = repo.first;
  ({ release: running } = await buildCommit(repo, v1, { vite: repo.plain, commit: v1 }));
  expect(existsSync(join(running.vite, 'build', 'node-inputs.json'))).toBe(true);
}, 180_000);
afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

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
