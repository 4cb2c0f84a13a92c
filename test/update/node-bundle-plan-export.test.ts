// The plan must never promise a reuse the build does not make. Each case here sets up a small repository
// whose running build is a plain checkout's .vite (its inputs recorded by the real build-inputs.mjs), then
// compares the check's prediction with the build's own decision: the target's files exported and its
// dependencies chosen exactly as an update does (prepareRelease, ensureDeps), then whyNotReusable.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { simpleGit } from 'simple-git';
import { afterEach, expect, it } from 'vitest';
import { inputsManifest, whyNotReusable } from '../../scripts/build-inputs.mjs';
import { ensureDeps, lockHashAt } from '../../electron/core/update/deps-store.js';
import { predictNodeBundle } from '../../electron/core/update/node-bundle-plan.js';
import { discardPrepared, prepareRelease } from '../../electron/core/update/release-prepare.js';
import { depsDir } from '../../electron/core/update/release-layout.js';
import { lockfileDiffers } from '../../electron/core/update/repo.js';
import { git } from '../e2e/installed-checkout.js';
import { APP_DIR } from '../helpers/world.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

interface Fixture {
  app: string;
  publisher: string;
  v1: string;
}

/**
 * A checkout at v1 holding `files` (plus the build scripts, a lockfile and an untracked node_modules),
 * built as a plain checkout: `.vite/build` holds an output and the inputs manifest of `inputs`.
 */
function fixture(files: Record<string, string>, inputs: string[]): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'dm-plan-export-'));
  roots.push(root);
  const app = join(root, 'app');
  const write = (rel: string, text: string) => {
    mkdirSync(join(app, rel, '..'), { recursive: true });
    writeFileSync(join(app, rel), text);
  };
  write('package.json', `${JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'node scripts/build.mjs' } }, null, 2)}\n`);
  write('package-lock.json', '{\n  "name": "x",\n  "lockfileVersion": 3\n}\n');
  write('scripts/build.mjs', '// stand-in\n');
  copyFileSync(join(APP_DIR, 'scripts', 'build-inputs.mjs'), join(app, 'scripts', 'build-inputs.mjs'));
  write('.gitignore', 'node_modules/\n.vite/\n.releases/\n');
  write('node_modules/pkg/index.js', 'export const pkg = 1;\n');
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'v1');
  // Written out again by git, as a clone has it (attributes applied: eol conversions).
  for (const rel of Object.keys(files).concat('package-lock.json')) rmSync(join(app, rel));
  git(app, 'checkout', '-q', '--', '.');
  const build = join(app, '.vite', 'build');
  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, 'headless.js'), '');
  const ids = [...inputs, 'node_modules/pkg/index.js'].map((f) => join(app, f));
  writeFileSync(join(build, 'node-inputs.json'), JSON.stringify(inputsManifest(app, ids, ['headless.js'], {})));
  const publisher = join(root, 'publisher');
  git(root, 'clone', '-q', app, publisher);
  return { app, publisher, v1: git(app, 'rev-parse', 'HEAD') };
}

/** A commit on top of v1 with `edit` applied, pushed to the checkout's repository (not checked out there). */
function publish(f: Fixture, edit: (dir: string) => void): string {
  git(f.publisher, 'checkout', '-q', '--detach', f.v1);
  edit(f.publisher);
  git(f.publisher, 'add', '-A');
  git(f.publisher, 'commit', '-qm', 'target', '--allow-empty');
  git(f.publisher, 'push', '-qf', 'origin', 'HEAD:refs/heads/target');
  return git(f.publisher, 'rev-parse', 'HEAD');
}

/** What the check predicts (as check.ts asks it for a plain checkout) and why the build would not reuse (null: it reuses). */
async function predictedAndBuilt(f: Fixture, target: string) {
  const g = simpleGit(f.app);
  const lockfileChanged = await lockfileDiffers(g, f.v1, target);
  const installed = lockfileChanged ? null : join(f.app, 'node_modules');
  const runningVite = join(f.app, '.vite');
  const node = await predictNodeBundle({ appDir: f.app, runningVite, target, env: {}, installedDeps: installed });
  // The update: dependencies by lockfile (installDeps), the commit's files exported, linked as buildRelease does.
  const { hash } = await ensureDeps({ git: g, appDir: f.app, commit: target, installed, install: ['false'], timeoutMs: 10_000, log: () => undefined });
  const p = prepareRelease({ git: g, appDir: f.app, commit: target, running: null });
  try {
    await p.ready;
    symlinkSync(join('..', 'deps', hash, 'node_modules'), join(p.staging, 'node_modules'));
    return { node, why: whyNotReusable(p.src, join(runningVite, 'build'), {}) };
  } finally {
    await discardPrepared(p);
  }
}

const base = { 'src/a.ts': 'export const a = 1;\n', 'src/extra.ts': 'export const extra = 1;\n', 'src/main.ts': "import { a } from './a';\nexport default a;\n" };
const inputs = ['src/main.ts', 'src/a.ts'];

it('a release leaving a file out of its export (export-ignore) in a folder the bundle read: not predicted reused, as the build does not reuse', async () => {
  const f = fixture(base, inputs);
  const target = publish(f, (dir) => writeFileSync(join(dir, '.gitattributes'), 'src/extra.ts export-ignore\n'));
  const { node, why } = await predictedAndBuilt(f, target);
  expect(why).toBe('files were added or removed in src/');
  expect(node).toEqual({ reused: false, changed: [], changedCount: 0, folders: ['src'], cause: null });
});

it('an env file left out of the export: predicted from the files the build will see (reused, as the build reuses)', async () => {
  const f = fixture(base, inputs);
  const target = publish(f, (dir) => {
    writeFileSync(join(dir, '.env.local'), 'VITE_X=1\n');
    writeFileSync(join(dir, '.gitattributes'), '.env.local export-ignore\n');
  });
  const { node, why } = await predictedAndBuilt(f, target);
  expect(why).toBeNull();
  expect(node).toEqual({ reused: true, changed: [], changedCount: 0, folders: [], cause: null });
});

it('a lockfile git converts on checkout (eol=crlf): its packages compared in the deps folder the update picks by the committed lockfile', async () => {
  // The checkout's lockfile has CRLF ends, the committed blob LF: the update names the deps folder by the blob.
  const f = fixture({ ...base, '.gitattributes': 'package-lock.json text eol=crlf\n' }, inputs);
  const target = publish(f, (dir) => appendFileSync(join(dir, 'README.md'), 'words\n'));
  // A deps folder for that lockfile from an earlier install, whose package file differs from the checkout's.
  const store = join(depsDir(f.app, await lockHashAt(simpleGit(f.app), target)), 'node_modules', 'pkg');
  mkdirSync(store, { recursive: true });
  writeFileSync(join(store, 'index.js'), 'export const pkg = 2;\n');
  const { node, why } = await predictedAndBuilt(f, target);
  expect(why).toBe('node_modules/pkg/index.js changed');
  expect(node).toEqual({ reused: false, changed: ['node_modules/pkg/index.js'], changedCount: 1, folders: [], cause: null });
});

// Names git would quote, a shell or a pathspec would read, and a symlink among the listed names.
const awkward = fc.constantFrom('a b.ts', 'ünï cödé.ts', 'tab\there.ts', 'new\nline.ts', '"quoted".ts', '*.ts', ':(glob)x.ts', '-dash.ts', '[x].json', 'back\\slash.js', 'é.mjs');

it('awkward file names and symlinks in a folder the bundle read: predicted exactly as the build decides', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(awkward, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), async (names, editOne, addLink) => {
      const files = Object.fromEntries(names.map((n) => [`src/${n}`, `export const x = ${JSON.stringify(n)};\n`]));
      const f = fixture({ ...base, ...files }, [...inputs, `src/${names[0]}`]);
      const target = publish(f, (dir) => {
        if (editOne) appendFileSync(join(dir, 'src', names[0]!), '// edited\n');
        if (addLink) symlinkSync('a.ts', join(dir, 'src', 'link.ts'));
      });
      const { node, why } = await predictedAndBuilt(f, target);
      expect(node.reused).toBe(why === null);
      expect(node.reused).toBe(!editOne && !addLink);
      for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
    }),
    { numRuns: 12 },
  );
}, 120_000);
