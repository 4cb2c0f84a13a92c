// Dependencies and builds go into new folders, complete or not at all, with real git and real
// child processes: an install killed half-way leaves no deps folder, and unchanged outputs are reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureDeps, lockHash } from '../../electron/core/update/deps-store.js';
import { reusableOutputs } from '../../electron/core/update/release.js';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { clearStaleGitLocks } from '../../electron/core/update/git-locks.js';
import { depsDir, releaseDir } from '../../electron/core/update/release-layout.js';
import { installDeps, startReleaseRun, switchBack, type ReleaseRun } from '../../electron/core/update/release-steps.js';
import { installLaunchers, switchCurrent, switchTo } from '../../electron/core/update/switch.js';
import { renderText, type CoreSentence } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { Fixture } from './fixture.js';

const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
const run = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, env: gitEnv, encoding: 'utf8' }).trim();

let app: string;
beforeEach(() => {
  app = mkdtempSync(join(tmpdir(), 'dm-release-build-'));
  run(app, 'init', '-q', '-b', 'main');
});
afterEach(() => rmSync(app, { recursive: true, force: true }));

function commit(files: Record<string, string>, message: string): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), text);
  }
  run(app, 'add', '-A');
  run(app, 'commit', '-qm', message);
  return run(app, 'rev-parse', 'HEAD');
}

// Writes half a node_modules, then hangs until killed (by the install deadline here).
const INSTALL_HANGS = `const fs = require('node:fs'); fs.mkdirSync('node_modules/half', { recursive: true }); fs.writeFileSync('node_modules/half/a.js', ''); setInterval(() => {}, 1000);`;
const INSTALL_OK = `const fs = require('node:fs'); const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')); fs.mkdirSync('node_modules/dep', { recursive: true }); fs.writeFileSync('node_modules/dep/v.txt', lock.v);`;

it('an install stopped half-way leaves no deps folder; the next one installs in full, and later ones reuse it', async () => {
  const sha = commit({ 'package.json': '{"name":"x"}', 'package-lock.json': '{"v":"1"}' }, 'v1');
  const git = simpleGit(app);
  const hash = lockHash('{"v":"1"}');
  const log: string[] = [];
  const base = { git, appDir: app, commit: sha, installed: null, env: process.env, log: (l: string | CoreSentence) => log.push(typeof l === 'string' ? l : l.text) };

  await expect(ensureDeps({ ...base, install: [process.execPath, '-e', INSTALL_HANGS], timeoutMs: 1500 })).rejects.toThrow(/did not finish within/);
  expect(existsSync(depsDir(app, hash))).toBe(false);
  expect(readdirSync(join(app, '.releases', 'deps'))).toEqual([]);

  expect(await ensureDeps({ ...base, install: [process.execPath, '-e', INSTALL_OK], timeoutMs: 10_000 })).toEqual({ hash, made: 'installed' });
  expect(readFileSync(join(depsDir(app, hash), 'node_modules', 'dep', 'v.txt'), 'utf8')).toBe('1');
  // Never run again for the same lockfile: the install command would fail here if it did.
  expect(await ensureDeps({ ...base, install: [process.execPath, '-e', 'process.exit(9)'], timeoutMs: 10_000 })).toEqual({ hash, made: 'reused' });
});

it('an unchanged lockfile with a plain node_modules is hard-linked, not installed, and the original is left as it was', async () => {
  const sha = commit({ 'package.json': '{"name":"x"}', 'package-lock.json': '{"v":"1"}' }, 'v1');
  mkdirSync(join(app, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(app, 'node_modules', 'dep', 'v.txt'), 'plain');
  const r = await ensureDeps({
    git: simpleGit(app), appDir: app, commit: sha, installed: join(app, 'node_modules'),
    install: [process.execPath, '-e', 'process.exit(9)'], timeoutMs: 10_000, log: () => undefined,
  });
  expect(r.made).toBe('linked');
  const linked = join(depsDir(app, r.hash), 'node_modules', 'dep', 'v.txt');
  expect(readFileSync(linked, 'utf8')).toBe('plain');
  expect(readdirSync(join(app, 'node_modules'))).toEqual(['dep']);
});

it('the renderer and preload are reused only when none of their sources changed', async () => {
  const base = {
    'package.json': '{"version":"1.0.0"}', 'package-lock.json': '{}', 'scripts/build.mjs': '', 'tsconfig.json': '{}',
    'renderer/app.tsx': '1', 'shared/types.ts': '1', 'electron/preload.ts': '1', 'electron/core/x.ts': '1',
  };
  const v1 = commit(base, 'v1');
  const running = join(app, 'running');
  mkdirSync(join(running, 'renderer', 'main_window'), { recursive: true });
  mkdirSync(join(running, 'build'), { recursive: true });
  writeFileSync(join(running, 'renderer', 'main_window', 'index.html'), '');
  writeFileSync(join(running, 'build', 'preload.cjs'), '');
  const git = simpleGit(app);
  const v2 = commit({ 'package.json': '{"version":"2.0.0"}', 'electron/core/x.ts': '2' }, 'core and version only');
  expect(await reusableOutputs(git, v1, v2, running)).toEqual(['renderer', 'preload']);
  const v3 = commit({ 'renderer/app.tsx': '3' }, 'panel');
  expect(await reusableOutputs(git, v2, v3, running)).toEqual(['preload']);
  const v4 = commit({ 'electron/preload.ts': '4' }, 'preload');
  expect(await reusableOutputs(git, v3, v4, running)).toEqual(['renderer']);
  const v5 = commit({ 'shared/types.ts': '5' }, 'contract');
  expect(await reusableOutputs(git, v4, v5, running)).toEqual([]);
  const v6 = commit({ 'package-lock.json': '{"x":1}' }, 'deps');
  expect(await reusableOutputs(git, v5, v6, running)).toEqual([]);
  // Nothing to reuse when the running build lacks the output.
  rmSync(join(running, 'build', 'preload.cjs'));
  expect(await reusableOutputs(git, v1, v2, running)).toEqual(['renderer']);
});

it('the check tells which outputs the update would reuse (release mode), and none when building in place', async () => {
  const fx = new Fixture();
  try {
    const vite = join(fx.checkout, '.vite');
    mkdirSync(join(vite, 'renderer', 'main_window'), { recursive: true });
    mkdirSync(join(vite, 'build'), { recursive: true });
    writeFileSync(join(vite, 'renderer', 'main_window', 'index.html'), '');
    writeFileSync(join(vite, 'build', 'preload.cjs'), '');
    // What the output was built from (the checkout's HEAD here): without it nothing is reused.
    const built = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: fx.checkout, encoding: 'utf8' }).trim();
    writeFileSync(join(vite, 'build', 'app-identity.json'), JSON.stringify({ version: '1.0.0', commit: built }));
    fx.publish('Docs only', { 'README.md': 'readme v2\n' });
    const docs = await checkForUpdates({ appDir: fx.checkout });
    // No record of the Node bundle's inputs in this stand-in: it is said to be rebuilt (node-bundle-plan.test.ts).
    expect(docs.state === 'available' && docs.build).toEqual({ reused: ['renderer', 'preload'], node: expect.objectContaining({ reused: false, cause: 'no-record' }) });
    const inPlace = await checkForUpdates({ appDir: fx.checkout, releases: false });
    expect(inPlace.state === 'available' && inPlace.build).toEqual({ reused: [], node: expect.objectContaining({ reused: false, cause: 'in-place' }) });
    fx.publish('Panel change', { 'renderer/app.tsx': 'x' });
    const panel = await checkForUpdates({ appDir: fx.checkout });
    expect(panel.state === 'available' && panel.build).toMatchObject({ reused: ['preload'] });
  } finally {
    fx.cleanup();
  }
});

it('stale lock files of a killed git (HEAD, branch, stash, index) are removed when no git runs there, refused when one does', async () => {
  commit({ 'a.txt': '1' }, 'v1');
  const git = simpleGit(app);
  const locks = ['.git/HEAD.lock', '.git/refs/heads/main.lock', '.git/refs/stash.lock', '.git/index.lock'];
  for (const l of locks) writeFileSync(join(app, l), '');
  await expect(git.raw(['reset', '--hard', 'HEAD'])).rejects.toThrow(/File exists|lock/);
  await expect(clearStaleGitLocks(git, app, () => [4242])).rejects.toThrow(/git process 4242 holds them/);
  expect(locks.every((l) => existsSync(join(app, l)))).toBe(true);
  const said = await clearStaleGitLocks(git, app, () => []);
  expect(said).toHaveLength(4);
  expect(said.map((line) => line.text).join('\n')).toContain('Removed a stale .git/refs/heads/main.lock');
  await git.raw(['reset', '--hard', 'HEAD']);
  expect(await clearStaleGitLocks(git, app, () => [4242])).toEqual([]);
});

it('the first release update of a plain checkout installs a changed lockfile instead of linking the old node_modules', async () => {
  const from = commit({ 'package.json': '{"name":"x"}', 'package-lock.json': '{"v":"1"}' }, 'v1');
  mkdirSync(join(app, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(app, 'node_modules', 'dep', 'v.txt'), '1');
  const to = commit({ 'package-lock.json': '{"v":"2"}' }, 'v2');
  const r = startReleaseRun(null);
  const made = await installDeps(r, {
    git: simpleGit(app), appDir: app, from, to, log: () => undefined, env: process.env,
    commands: { install: [process.execPath, '-e', INSTALL_OK], build: ['true'], selfTest: ['true'] },
    timeouts: { install: 10_000, build: 10_000 },
  });
  expect(made).toBe('installed');
  expect(readFileSync(join(depsDir(app, lockHash('{"v":"2"}')), 'node_modules', 'dep', 'v.txt'), 'utf8')).toBe('2');
});

it('the release steps’ own log lines (deps reused, a switch and its undo) are sentences by key, said in French', async () => {
  const sha = commit({ 'package.json': '{"name":"x"}', 'package-lock.json': '{"v":"1"}' }, 'v1');
  const lines: (string | CoreSentence)[] = [];
  const base = { git: simpleGit(app), appDir: app, commit: sha, installed: null, env: process.env, timeoutMs: 10_000, log: (l: string | CoreSentence) => lines.push(l) };
  await ensureDeps({ ...base, install: [process.execPath, '-e', INSTALL_OK] });
  await ensureDeps({ ...base, install: [process.execPath, '-e', 'process.exit(9)'] });
  for (const name of ['old', 'new']) {
    mkdirSync(join(releaseDir(app, name), 'vite'), { recursive: true });
    writeFileSync(join(releaseDir(app, name), 'release.json'), JSON.stringify({ commit: name, lockHash: 'x', builtAt: '', reused: [] }));
  }
  installLaunchers(app);
  switchCurrent(app, 'old');
  await switchTo(app, 'new', async () => null, (l) => lines.push(l));
  switchBack({ switchedFrom: 'old' } as ReleaseRun, app, (l) => lines.push(l));
  const french = lines.filter((l): l is CoreSentence => typeof l !== 'string').map((l) => renderText(l.i18n, coreFr, { locale: 'fr' }));
  expect(french).toEqual([
    `Les dépendances de ce lockfile sont déjà installées (${lockHash('{"v":"1"}')}) ; réutilisées telles quelles.`,
    expect.stringMatching(/^Passage à la version compilée new en \d+(,\d)? ms \(un seul renommage\)\.$/),
    'Retour à la version compilée old.',
  ]);
});
