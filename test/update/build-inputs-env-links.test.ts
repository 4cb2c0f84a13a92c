// Inputs of the Node bundle that its manifest (scripts/build-inputs.mjs) does not record: a release that
// changes only them must not reuse the running bundle, or the new version runs the old code. Real git, this
// project's build script and bundler, real release folders (as test/update/build-reuse does).
// v1 = this project plus a module reading import.meta.env (filled from a .env file by Vite) and a module
// imported through a symlink; each case is a commit on top of v1, built beside the v1 release.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lockHash } from '../../electron/core/update/deps-store.js';
import { buildRelease, type Release } from '../../electron/core/update/release.js';
import { depsDir } from '../../electron/core/update/release-layout.js';
import { git, shareDependencies } from '../e2e/installed-checkout.js';
import { APP_DIR } from '../helpers/world.js';

let root: string;
let app: string;
let hash: string;
let v1: string;
let running: Release;

const build = [process.execPath, 'scripts/build.mjs'] as const;
const probeDir = () => join(app, 'electron', 'headless');

async function buildOn(base: string, message: string, edit: () => void, from: Release | null): Promise<Release> {
  git(app, 'checkout', '-q', '--detach', base);
  edit();
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', message);
  const commit = git(app, 'rev-parse', 'HEAD');
  return buildRelease({
    git: simpleGit(app), appDir: app, commit, depsHash: hash, running: from ? { vite: from.vite, commit: base } : { vite: join(root, 'plain-vite'), commit: base },
    build, timeoutMs: 180_000, log: () => undefined,
  });
}

/** The text of every .js file of a release's Node bundle, joined. */
const bundleText = (r: Release) =>
  (readdirSync(join(r.vite, 'build'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(r.vite, 'build', f), 'utf8')).join('\n');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dm-build-holes-build-holes-'));
  app = join(root, 'app');
  mkdirSync(app);
  execFileSync('sh', ['-c', `git -C "${APP_DIR}" archive HEAD | tar -xf - -C "${app}"`]);
  for (const f of ['scripts/build.mjs', 'scripts/build-inputs.mjs']) copyFileSync(join(APP_DIR, f), join(app, f));
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'v0');
  const v0 = git(app, 'rev-parse', 'HEAD');
  hash = lockHash(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  mkdirSync(depsDir(app, hash), { recursive: true });
  shareDependencies(join(APP_DIR, 'node_modules'), join(depsDir(app, hash), 'node_modules'));
  const plain = join(root, 'plain-vite');
  mkdirSync(join(plain, 'renderer', 'main_window'), { recursive: true });
  mkdirSync(join(plain, 'build'), { recursive: true });
  writeFileSync(join(plain, 'renderer', 'main_window', 'index.html'), '<div id="root"></div>');
  writeFileSync(join(plain, 'build', 'preload.cjs'), '');
  running = await buildOn(v0, 'v1 probes', () => {
    writeFileSync(join(app, '.env.production'), 'VITE_REVIEW_PROBE=env-one\n');
    writeFileSync(join(probeDir(), 'review-env.ts'), '(globalThis as Record<string, unknown>).reviewEnv = import.meta.env.VITE_REVIEW_PROBE;\n');
    writeFileSync(join(probeDir(), 'review-a.ts'), "(globalThis as Record<string, unknown>).reviewLink = 'link-target-A';\n");
    writeFileSync(join(probeDir(), 'review-b.ts'), "(globalThis as Record<string, unknown>).reviewLink = 'link-target-B';\n");
    symlinkSync('review-a.ts', join(probeDir(), 'review-link.ts'));
    const main = join(probeDir(), 'main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace("import './v8-tuning.js';\n", "import './v8-tuning.js';\nimport './review-env.js';\nimport './review-link.js';\n"));
  }, null);
  v1 = git(app, 'rev-parse', 'HEAD');
  const text = bundleText(running);
  expect(text).toContain('env-one');
  expect(text).toContain('link-target-A');
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a release that changes only a .env.production value (Vite reads it into import.meta.env; .env itself is git-ignored here) bundles the new value', async () => {
  const release = await buildOn(v1, '.env.production', () => writeFileSync(join(app, '.env.production'), 'VITE_REVIEW_PROBE=env-two\n'), running);
  expect(bundleText(release)).toContain('env-two');
}, 180_000);

it('a release that points a symlinked module at another file bundles the file it now points at', async () => {
  const release = await buildOn(v1, 'retarget', () => {
    unlinkSync(join(probeDir(), 'review-link.ts'));
    symlinkSync('review-b.ts', join(probeDir(), 'review-link.ts'));
  }, running);
  expect(bundleText(release)).toContain('link-target-B');
}, 180_000);
