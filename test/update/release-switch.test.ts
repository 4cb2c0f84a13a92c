// Releases with real Node processes: the launcher runs `current` and Node resolves every bare import
// (better-sqlite3's native module included) from that release's own node_modules; a switch changes
// what the next start runs and never what a running process loads later.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootTarget } from '../../electron/core/update/boot-release.js';
import type { JournalEntry } from '../../electron/core/update/journal.js';
import { appDirOf, currentRelease, depsDir, releaseDir, releaseOf } from '../../electron/core/update/release-layout.js';
import { collectGarbage, installLaunchers, switchCurrent, switchTo } from '../../electron/core/update/switch.js';
import { APP_DIR } from '../helpers/world.js';
import { renderText, type CoreSentence } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';

let app: string;
beforeEach(() => {
  app = mkdtempSync(join(tmpdir(), 'dm-release-'));
});
afterEach(() => rmSync(app, { recursive: true, force: true }));

const ENTRY = `import Database from 'better-sqlite3';
const db = new Database(':memory:');
const probe = await import('dm-probe');
const report = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
report({ url: import.meta.url, sqlite: db.prepare('select 41 + 1 as x').get().x, probe: probe.version });
process.stdin.once('data', async () => {
  // Loaded only now, after the switch: must still come from this process's own release.
  const late = await import('./chunks/late.js');
  const again = await import('dm-probe/late.js');
  report({ chunk: late.release, probe: again.version });
  process.exit(0);
});
`;

/** A release `name` whose deps `hash` hold better-sqlite3 (hard links from this repo) and a probe package. */
function makeRelease(name: string, hash: string): void {
  const modules = join(depsDir(app, hash), 'node_modules');
  if (!readdirSafe(modules).length) {
    mkdirSync(join(modules, 'dm-probe'), { recursive: true });
    execFileSync('cp', ['-al', join(APP_DIR, 'node_modules', 'better-sqlite3'), join(modules, 'better-sqlite3')]);
    writeFileSync(join(modules, 'dm-probe', 'package.json'), JSON.stringify({ name: 'dm-probe', version: '1.0.0', type: 'module', main: 'index.js' }));
    writeFileSync(join(modules, 'dm-probe', 'index.js'), `export const version = ${JSON.stringify(hash)};\n`);
    writeFileSync(join(modules, 'dm-probe', 'late.js'), `export const version = ${JSON.stringify(hash)};\n`);
  }
  const dir = releaseDir(app, name);
  mkdirSync(join(dir, 'vite', 'build', 'chunks'), { recursive: true });
  symlinkSync(join('..', 'deps', hash, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'vite', 'build', 'headless.js'), ENTRY);
  writeFileSync(join(dir, 'vite', 'build', 'chunks', 'late.js'), `export const release = ${JSON.stringify(name)};\n`);
  writeFileSync(join(dir, 'release.json'), JSON.stringify({ commit: name, lockHash: hash, builtAt: new Date().toISOString(), reused: [] }));
}
const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** Starts `node <app>/.vite/build/headless.js` as a service manager would; reads its JSON lines. */
function start() {
  const child = spawn(process.execPath, [join(app, '.vite', 'build', 'headless.js')], { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] });
  child.on('error', () => undefined);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const parts = out.split('\n');
    out = parts.pop() ?? '';
    for (const p of parts) lines.push(JSON.parse(p) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const line = (n: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line ${n} within 10 s: ${err}`)), 10_000);
      const check = () => (lines.length > n ? (clearTimeout(timer), resolve(lines[n]!)) : waiters.push(check));
      check();
    });
  return { child, line, poke: () => child.stdin.write('go\n') };
}

it('a started process runs the current release with its own node_modules (native module included); a switch affects only the next start', async () => {
  makeRelease('r1', 'deps-a');
  makeRelease('r2', 'deps-b');
  installLaunchers(app);
  switchCurrent(app, 'r1');

  const old = start();
  const first = await old.line(0);
  expect(first).toMatchObject({ sqlite: 42, probe: 'deps-a' });
  const buildDir = dirname(fileURLToPath(first.url as string));
  expect(buildDir).toBe(join(app, '.releases', 'r1', 'vite', 'build'));
  expect(appDirOf(buildDir)).toBe(app);
  expect(releaseOf(buildDir)).toBe('r1');

  const t = performance.now();
  switchCurrent(app, 'r2');
  const switchMs = performance.now() - t;
  console.log(`[measure] switch (symlink + rename + fsync): ${switchMs.toFixed(2)} ms`);
  expect(currentRelease(app)).toBe('r2');

  old.poke();
  expect(await old.line(1)).toEqual({ chunk: 'r1', probe: 'deps-a' });

  const fresh = start();
  expect(await fresh.line(0)).toMatchObject({ sqlite: 42, probe: 'deps-b' });
  fresh.poke();
  expect(await fresh.line(1)).toEqual({ chunk: 'r2', probe: 'deps-b' });
});

it('refuses to switch to a release without release.json (incomplete)', () => {
  mkdirSync(join(releaseDir(app, 'half'), 'vite', 'build'), { recursive: true });
  expect(() => switchCurrent(app, 'half')).toThrow(/incomplete or missing/);
  expect(currentRelease(app)).toBeNull();
});

it('garbage collection keeps the current and kept releases and their deps, removes the rest and dead runs’ staging folders', () => {
  makeRelease('r1', 'deps-a');
  makeRelease('r2', 'deps-b');
  makeRelease('r3', 'deps-b');
  switchCurrent(app, 'r3');
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  sleeper.on('error', () => undefined);
  try {
    // A pid that cannot be alive: above the kernel's pid_max.
    mkdirSync(join(app, '.releases', `r4.tmp-${2 ** 22 + 1}-1`));
    mkdirSync(join(app, '.releases', 'deps', `deps-c.tmp-${2 ** 22 + 1}-1`));
    mkdirSync(join(app, '.releases', `r5.tmp-${sleeper.pid}-1`));
    const log: string[] = [];
    collectGarbage(app, ['r2'], (l) => log.push(l));
    expect(readdirSync(join(app, '.releases')).sort()).toEqual(['current', 'deps', 'r2', 'r3', `r5.tmp-${sleeper.pid}-1`].sort());
    expect(readdirSync(join(app, '.releases', 'deps'))).toEqual(['deps-b']);
    expect(log).toHaveLength(4); // r1, deps-a and the two dead staging folders
  } finally {
    sleeper.kill();
  }
});

it('finds the checkout from a built entry in a release or in a plain .vite (property)', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,11}$/).filter((s) => s !== '.' && s !== '..');
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), segment, (parts, name) => {
      const root = join('/', ...parts);
      expect(appDirOf(join(root, '.releases', name, 'vite', 'build'))).toBe(root);
      expect(releaseOf(join(root, '.releases', name, 'vite', 'build'))).toBe(name);
      expect(appDirOf(join(root, '.vite', 'build'))).toBe(root);
      expect(releaseOf(join(root, '.vite', 'build'))).toBeNull();
    }),
  );
});

it('switching a plain checkout for the first time: a start at every intermediate state runs the old version, the new one only after the flip', async () => {
  // A plain checkout as the README installs it: real .vite/build and node_modules.
  mkdirSync(join(app, '.vite', 'build'), { recursive: true });
  mkdirSync(join(app, 'node_modules', 'dm-probe'), { recursive: true });
  writeFileSync(join(app, 'node_modules', 'dm-probe', 'package.json'), JSON.stringify({ name: 'dm-probe', type: 'module', main: 'index.js' }));
  writeFileSync(join(app, 'node_modules', 'dm-probe', 'index.js'), `export const version = 'plain';\n`);
  writeFileSync(join(app, '.vite', 'build', 'headless.js'), `process.stdout.write('old ' + (await import('dm-probe')).version);\n`);
  makeRelease('new', 'deps-b');
  writeFileSync(join(releaseDir(app, 'new'), 'vite', 'build', 'headless.js'), `process.stdout.write('new ' + (await import('dm-probe')).version);\n`);
  const runs = () => execFileSync(process.execPath, [join(app, '.vite', 'build', 'headless.js')], { cwd: app, encoding: 'utf8' });
  const seen: [string, string][] = [['before', runs()]];
  const adopt = async () => {
    // What adoptPlainBuild does, without git: the plain build and deps hard-linked into a release.
    mkdirSync(depsDir(app, 'deps-a'), { recursive: true });
    execFileSync('cp', ['-al', join(app, 'node_modules'), join(depsDir(app, 'deps-a'), 'node_modules')]);
    mkdirSync(releaseDir(app, 'old'));
    execFileSync('cp', ['-al', join(app, '.vite'), join(releaseDir(app, 'old'), 'vite')]);
    symlinkSync(join('..', 'deps', 'deps-a', 'node_modules'), join(releaseDir(app, 'old'), 'node_modules'));
    writeFileSync(join(releaseDir(app, 'old'), 'release.json'), JSON.stringify({ commit: 'old', lockHash: 'deps-a', builtAt: '', reused: [] }));
    return 'old';
  };
  await switchTo(app, 'new', adopt, () => undefined, (state) => seen.push([state, runs()]));
  expect(seen).toEqual([
    ['before', 'old plain'],
    ['adopted', 'old plain'],
    ['current at the running version', 'old plain'],
    ['launchers installed', 'old plain'],
    ['switched', 'new deps-b'],
  ]);
});

it('boot recovery: killed after the switch (the new release runs, never handed over) goes back to the old release; otherwise stays', () => {
  makeRelease('aaa', 'deps-a');
  makeRelease('bbb', 'deps-a');
  switchCurrent(app, 'bbb');
  const entry = { from: 'aaa', to: 'bbb' } as JournalEntry;
  const log: (string | CoreSentence)[] = [];
  const fromNew = bootTarget(entry, 'recover', { appDir: app, runningBuildDir: join(releaseDir(app, 'bbb'), 'vite', 'build'), log: (l) => log.push(l) });
  expect(fromNew).toEqual({ commit: 'aaa', rebuild: false, restart: true });
  expect(currentRelease(app)).toBe('aaa');
  const fromOld = bootTarget(entry, 'recover', { appDir: app, runningBuildDir: join(releaseDir(app, 'aaa'), 'vite', 'build'), log: (l) => log.push(l) });
  expect(fromOld).toEqual({ commit: 'aaa', rebuild: false });
  expect(currentRelease(app)).toBe('aaa');
  // A failing new version: current goes back to `from`, nothing rebuilt.
  switchCurrent(app, 'bbb');
  expect(bootTarget(entry, 'rollback', { appDir: app, runningBuildDir: null, log: (l) => log.push(l) })).toEqual({ commit: 'aaa', rebuild: false });
  expect(currentRelease(app)).toBe('aaa');
  // What it did is said to the log panel by key, so a French panel says it in French.
  expect(log.map((l) => (typeof l === 'string' ? l : renderText(l.i18n, coreFr, { locale: 'fr' })))).toEqual([
    'La mise à jour a été interrompue après le passage à bbb ; retour à aaa.',
    'Retour à la version compilée aaa ; elle démarre au redémarrage.',
  ]);
});
