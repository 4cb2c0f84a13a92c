// The confirmation predicts whether the update will reuse the running Node bundle or bundle again; the
// build decides it later from the inputs the running build recorded. Real git, this project's real build
// script and bundler: each case publishes a commit on top of v1, checks for updates as the app does, then
// builds that commit beside the running v1 release as the update does, and compares.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { predictNodeBundle } from '../../electron/core/update/node-bundle-plan.js';
import { depsDir } from '../../electron/core/update/release-layout.js';
import type { Release } from '../../electron/core/update/release.js';
import { bumpVersion, git } from '../e2e/installed-checkout.js';
import { buildCommit, releaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';

let repo: ReleaseRepo;
let v1: string;
let running: Release;
let publisher: string;

const inode = (path: string) => statSync(path).ino;

/** Publishes a commit on top of v1 with `edit` applied (each case its own) and returns its sha. */
function publish(message: string, edit: (dir: string) => void): string {
  git(publisher, 'checkout', '-q', '--detach', v1);
  edit(publisher);
  git(publisher, 'add', '-A');
  git(publisher, 'commit', '-qm', message);
  git(publisher, 'push', '-qf', 'origin', 'HEAD:main');
  return git(publisher, 'rev-parse', 'HEAD');
}

/** What the check predicts for the Node bundle, and what the update's build then did with it. */
async function predictedAndDone(message: string, edit: (dir: string) => void) {
  const sha = publish(message, edit);
  const check = await checkForUpdates({ appDir: repo.app, releases: true });
  if (check.state !== 'available') throw new Error(`check: ${check.state} ${'message' in check ? check.message : ''}`);
  expect(check.target.sha).toBe(sha);
  const { release, log } = await buildCommit(repo, sha, { vite: running.vite, commit: v1 });
  const reused = inode(join(release.vite, 'build', 'headless.js')) === inode(join(running.vite, 'build', 'headless.js'));
  return { node: check.build?.node, reused, log };
}

beforeAll(async () => {
  // This project in a repository of its own; the app runs v1's release (its .vite is that build), and its
  // upstream is a bare origin the cases publish to.
  repo = releaseRepo('dm-node-plan-');
  v1 = repo.first;
  ({ release: running } = await buildCommit(repo, v1, { vite: repo.plain, commit: v1 }));
  symlinkSync(running.vite, join(repo.app, '.vite'));
  const origin = join(repo.root, 'origin.git');
  git(repo.root, 'clone', '-q', '--bare', repo.app, origin);
  git(repo.app, 'remote', 'add', 'origin', origin);
  git(repo.app, 'fetch', '-q', 'origin');
  git(repo.app, 'branch', '-q', '--set-upstream-to=origin/main');
  publisher = join(repo.root, 'publisher');
  git(repo.root, 'clone', '-q', origin, publisher);
}, 180_000);
afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

it('a version-only release: predicted reused, and the update reuses it', async () => {
  const { node, reused } = await predictedAndDone('9.9.9', (dir) => {
    bumpVersion(dir, '9.9.9');
    appendFileSync(join(dir, 'README.md'), '\nMore words.\n');
  });
  expect(node).toEqual({ reused: true, changed: [], changedCount: 0, folders: [], cause: null });
  expect(reused).toBe(true);
}, 120_000);

it('a release changing one bundled module: predicted rebuilt with that module named, and the update bundles again', async () => {
  const { node, reused, log } = await predictedAndDone('lock wording', (dir) => appendFileSync(join(dir, 'electron', 'core', 'update', 'lock.ts'), '\n// changed\n'));
  expect(node).toEqual({ reused: false, changed: ['electron/core/update/lock.ts'], changedCount: 1, folders: [], cause: null });
  expect(reused).toBe(false);
  expect(log).toContain('electron/core/update/lock.ts changed');
}, 120_000);

it('a release adding a file in a folder the bundle read: predicted rebuilt with the folder named, and the update bundles again', async () => {
  const { node, reused, log } = await predictedAndDone('a new module nobody imports yet', (dir) =>
    writeFileSync(join(dir, 'electron', 'core', 'update', 'not-yet-used.ts'), 'export const later = 1;\n'),
  );
  expect(node).toEqual({ reused: false, changed: [], changedCount: 0, folders: ['electron/core/update'], cause: null });
  expect(reused).toBe(false);
  expect(log).toContain('files were added or removed in electron/core/update/');
}, 120_000);

it('a release whose files git exports converted (.gitattributes eol=crlf): predicted from what the build will read, and rebuilt', async () => {
  // The blob is unchanged; the exported file (what the build hashes) has CRLF line ends.
  const { node, reused, log } = await predictedAndDone('crlf', (dir) => writeFileSync(join(dir, '.gitattributes'), 'electron/core/update/lock.ts text eol=crlf\n'));
  expect(node).toEqual({ reused: false, changed: ['electron/core/update/lock.ts'], changedCount: 1, folders: [], cause: null });
  expect(reused).toBe(false);
  expect(log).toContain('electron/core/update/lock.ts changed');
}, 120_000);

it('a recorded build environment that differs from the build\'s: predicted rebuilt', async () => {
  publish('version only, again', (dir) => bumpVersion(dir, '9.9.8'));
  const check = await checkForUpdates({ appDir: repo.app, releases: true, env: { ...process.env, VITE_PLAN_PROBE: '1' } });
  if (check.state !== 'available') throw new Error(check.state);
  expect(check.build?.node).toMatchObject({ reused: false, cause: 'env' });
}, 60_000);

it('no record of the running bundle inputs, or one naming a file outside the project: predicted rebuilt', async () => {
  publish('version only', (dir) => bumpVersion(dir, '9.9.7'));
  const manifest = join(running.vite, 'build', 'node-inputs.json');
  const recorded = readFileSync(manifest, 'utf8');
  try {
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(recorded), outside: '/elsewhere/x.ts' }));
    let check = await checkForUpdates({ appDir: repo.app, releases: true });
    expect(check.state === 'available' && check.build?.node).toMatchObject({ reused: false, cause: 'outside' });
    rmSync(manifest);
    check = await checkForUpdates({ appDir: repo.app, releases: true });
    expect(check.state === 'available' && check.build?.node).toMatchObject({ reused: false, cause: 'no-record' });
  } finally {
    writeFileSync(manifest, recorded);
  }
}, 60_000);

it('releases off (the update builds in place): predicted rebuilt', async () => {
  publish('version only, in place', (dir) => bumpVersion(dir, '9.9.6'));
  const check = await checkForUpdates({ appDir: repo.app, releases: false });
  expect(check.state === 'available' && check.build?.node).toMatchObject({ reused: false, cause: 'in-place' });
}, 60_000);

it('more changed inputs than the plan lists: the first few named, all counted', async () => {
  publish('many modules', (dir) => {
    for (const f of ['lock.ts', 'git.ts', 'repo.ts', 'journal.ts', 'estimate.ts', 'options.ts', 'types.ts']) appendFileSync(join(dir, 'electron', 'core', 'update', f), '\n// changed\n');
  });
  const check = await checkForUpdates({ appDir: repo.app, releases: true });
  if (check.state !== 'available') throw new Error(check.state);
  expect(check.build?.node?.changedCount).toBe(7);
  expect(check.build?.node?.changed.length).toBe(5);
}, 60_000);

describe('the bundled packages (node_modules) are compared where the build will read them', () => {
  // The deps folder of this lockfile is moved away so the plan must look at `installedDeps`, as in a
  // plain checkout's first update; each case gets a copy of just the recorded package files.
  let target: string;
  let store: string;
  let aside: string;
  let recorded: string[];
  beforeAll(() => {
    target = publish('version only, deps', (dir) => bumpVersion(dir, '9.9.5'));
    git(repo.app, 'fetch', '-q', 'origin');
    store = depsDir(repo.app, repo.hash);
    aside = `${store}.aside`;
    renameSync(store, aside);
    recorded = Object.keys(JSON.parse(readFileSync(join(running.vite, 'build', 'node-inputs.json'), 'utf8')).files).filter((k) => k.startsWith('node_modules/'));
    expect(recorded.length).toBeGreaterThan(0);
  });
  afterAll(() => renameSync(aside, store));

  /** A node_modules holding copies (never links: the developer's files stay untouched) of the recorded package files. */
  const copyOfRecorded = (): string => {
    const nm = mkdtempSync(join(repo.root, 'nm-'));
    for (const k of recorded) {
      const rel = k.slice('node_modules/'.length);
      mkdirSync(dirname(join(nm, rel)), { recursive: true });
      copyFileSync(join(aside, 'node_modules', rel), join(nm, rel));
    }
    return nm;
  };
  const predict = (installedDeps: string | null) => predictNodeBundle({ appDir: repo.app, runningVite: running.vite, target, env: process.env, installedDeps });

  it('the same package files: reused', async () => {
    expect(await predict(copyOfRecorded())).toEqual({ reused: true, changed: [], changedCount: 0, folders: [], cause: null });
  });

  it('a changed package file: rebuilt, that file named', async () => {
    const nm = copyOfRecorded();
    appendFileSync(join(nm, recorded[0]!.slice('node_modules/'.length)), '\n// patched\n');
    expect(await predict(nm)).toEqual({ reused: false, changed: [recorded[0]], changedCount: 1, folders: [], cause: null });
  });

  it('no dependencies to compare (they will be installed anew): rebuilt', async () => {
    expect(await predict(null)).toEqual({ reused: false, changed: [], changedCount: 0, folders: [], cause: 'deps' });
  });
});

it('a target git cannot read: rebuilt, never a guess', async () => {
  expect(await predictNodeBundle({ appDir: repo.app, runningVite: running.vite, target: 'f'.repeat(40), env: process.env, installedDeps: null })).toEqual({
    reused: false, changed: [], changedCount: 0, folders: [], cause: 'unknown',
  });
});
