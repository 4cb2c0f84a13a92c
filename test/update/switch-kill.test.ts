// Issue 10 §3: `current` is switched by two calls (make a temp link, rename it over `current`). A real
// process SIGKILLed between them leaves `current` untouched and a stray `current.tmp-*`: the next start
// must run the complete release `current` still names, and boot must remove the stray link.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { currentRelease, releaseDir, releasesDir } from '../../electron/core/update/release-layout.js';
import { installLaunchers, switchCurrent } from '../../electron/core/update/switch.js';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';

let root: string;
let app: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-switch-kill-'));
  app = join(root, 'app');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A complete release whose headless entry prints its own name. */
function makeRelease(name: string): void {
  const dir = releaseDir(app, name);
  mkdirSync(join(dir, 'vite', 'build'), { recursive: true });
  writeFileSync(join(dir, 'vite', 'build', 'headless.js'), `process.stdout.write(${JSON.stringify(name)});\n`);
  writeFileSync(join(dir, 'release.json'), JSON.stringify({ commit: name, lockHash: 'x', builtAt: new Date().toISOString(), reused: [] }));
}

/** Runs switchCurrent(app, name) in a child that stops dead between the temp link and the rename; SIGKILLs it there. */
async function killMidSwitch(name: string): Promise<void> {
  const marker = join(root, 'reached');
  const script = join(root, 'switch-child.ts');
  writeFileSync(
    script,
    [
      "import { writeFileSync } from 'node:fs';",
      `import { switchCurrent } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/switch.ts'))};`,
      // Blocks the whole thread (no event loop turn): the kill lands with the rename not yet made.
      `switchCurrent(process.argv[2], process.argv[3], () => { writeFileSync(${JSON.stringify(marker)}, String(process.pid)); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); });`,
    ].join('\n'),
  );
  const child = spawn(process.execPath, [...TS_NODE, script, app, name], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.on('error', () => undefined);
  const deadline = Date.now() + 15_000;
  while (!existsSync(marker)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the switch child never reached the point between link and rename:\n${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

it('a kill between the temp link and the rename: the next start runs the complete release current still names; boot removes the stray link', async () => {
  makeRelease('old');
  makeRelease('new');
  switchCurrent(app, 'old');
  installLaunchers(app);
  await killMidSwitch('new');

  const stray = readdirSync(releasesDir(app)).filter((n) => n.startsWith('current.tmp-'));
  expect(stray).toHaveLength(1);
  expect(lstatSync(join(releasesDir(app), stray[0]!)).isSymbolicLink()).toBe(true);
  expect(currentRelease(app)).toBe('old');
  // What a service manager starts: the launcher, through `current`.
  const runs = () => execFileSync(process.execPath, [join(app, '.vite', 'build', 'headless.js')], { cwd: app, encoding: 'utf8' });
  expect(runs()).toBe('old');

  const lines: string[] = [];
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const report = await bootCheck({ appDir: app, dataDir, onLog: (l) => lines.push(l) });
  expect(report.outcome).toBe('nothing-pending');
  expect(readdirSync(releasesDir(app)).filter((n) => n.startsWith('current.tmp-'))).toEqual([]);
  expect(lines.join('\n')).toMatch(/Removed current\.tmp-\d+-\d+, left by a switch that was interrupted \(current still points at old\)/);
  expect(currentRelease(app)).toBe('old');
  // The next switch works as ever.
  switchCurrent(app, 'new');
  expect(runs()).toBe('new');
});

it('boot leaves alone a temp link whose switch is still running (its pid alive)', async () => {
  makeRelease('old');
  switchCurrent(app, 'old');
  // A live process that is not us: the test runner's parent.
  const live = join(releasesDir(app), `current.tmp-${process.ppid}-1`);
  execFileSync('ln', ['-s', 'old', live]);
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  await bootCheck({ appDir: app, dataDir });
  expect(lstatSync(live).isSymbolicLink()).toBe(true);
});

it('boot goes on when the leftovers cannot be listed: tidying is no reason to skip recovery', async () => {
  // `.releases` unreadable as a folder (here: a file in its place): listing it throws ENOTDIR.
  mkdirSync(app);
  writeFileSync(releasesDir(app), 'not a folder');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const lines: string[] = [];
  const report = await bootCheck({ appDir: app, dataDir, onLog: (l) => lines.push(l) });
  expect(report.outcome).toBe('nothing-pending');
  expect(lines.join('\n')).toMatch(/Could not look for leftovers of an interrupted switch in .*\.releases: .*ENOTDIR/);
});
