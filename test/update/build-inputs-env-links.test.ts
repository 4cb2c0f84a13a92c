// Inputs of the Node bundle that are not modules: a release that changes only them must not reuse the
// running bundle, or the new version runs the old code. Real git, this project's build script and bundler,
// real release folders (test/helpers/release-repo). v1 = this project plus a module reading
// import.meta.env (filled from a .env file by Vite) and a module imported through a symlink; each case is
// a commit on top of v1, built beside the v1 release.
import { readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Release } from '../../electron/core/update/release.js';
import { git } from '../e2e/installed-checkout.js';
import { buildOn, bundleFiles, releaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';

let repo: ReleaseRepo;
let v1: string;
let running: Release;

const probeDir = (app: string) => join(app, 'electron', 'headless');
const bundleText = (r: Release) => bundleFiles(r.vite).map(([, text]) => text).join('\n');

beforeAll(async () => {
  repo = releaseRepo('dm-build-holes-');
  ({ release: running } = await buildOn(repo, repo.first, 'v1 probes', (app) => {
    writeFileSync(join(app, '.env.production'), 'VITE_REVIEW_PROBE=env-one\n');
    writeFileSync(join(probeDir(app), 'review-env.ts'), '(globalThis as Record<string, unknown>).reviewEnv = import.meta.env.VITE_REVIEW_PROBE;\n');
    writeFileSync(join(probeDir(app), 'review-a.ts'), "(globalThis as Record<string, unknown>).reviewLink = 'link-target-A';\n");
    writeFileSync(join(probeDir(app), 'review-b.ts'), "(globalThis as Record<string, unknown>).reviewLink = 'link-target-B';\n");
    symlinkSync('review-a.ts', join(probeDir(app), 'review-link.ts'));
    const main = join(probeDir(app), 'main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace("import './v8-tuning.js';\n", "import './v8-tuning.js';\nimport './review-env.js';\nimport './review-link.js';\n"));
  }, { vite: repo.plain, commit: repo.first }));
  v1 = git(repo.app, 'rev-parse', 'HEAD');
  const text = bundleText(running);
  expect(text).toContain('env-one');
  expect(text).toContain('link-target-A');
}, 300_000);
afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

it('a release that changes only a .env.production value (Vite reads it into import.meta.env; .env itself is git-ignored here) bundles the new value', async () => {
  const { release } = await buildOn(repo, v1, '.env.production', (app) => writeFileSync(join(app, '.env.production'), 'VITE_REVIEW_PROBE=env-two\n'), { vite: running.vite, commit: v1 });
  expect(bundleText(release)).toContain('env-two');
}, 180_000);

it('a release that points a symlinked module at another file bundles the file it now points at', async () => {
  const { release } = await buildOn(repo, v1, 'retarget', (app) => {
    unlinkSync(join(probeDir(app), 'review-link.ts'));
    symlinkSync('review-b.ts', join(probeDir(app), 'review-link.ts'));
  }, { vite: running.vite, commit: v1 });
  expect(bundleText(release)).toContain('link-target-B');
}, 180_000);
