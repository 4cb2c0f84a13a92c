// Release mode: a new version that never became healthy is undone at boot by switching `current` back and
// moving the checkout to the old commit (nothing rebuilt). That boot, SIGKILLed at each of its points, and
// the start after it: the launcher runs the old release, the user's edits are back or in a stash the
// journal names, the settings are as before the update.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { currentRelease, releaseDir } from '../../electron/core/update/release-layout.js';
import { installLaunchers, switchCurrent } from '../../electron/core/update/switch.js';
import { Fixture, git } from './fixture.js';
import { describePoint, expectNamedStashHolding, killAt, withFrom, type KillPoint } from './kill-at.js';

const SETTINGS = JSON.stringify({ guildId: '123456789012345678' });
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

let fx: Fixture;
let v2 = '';
let id = '';

/** A complete release whose headless entry prints its own commit. */
function makeRelease(commit: string): void {
  const dir = releaseDir(fx.checkout, commit);
  mkdirSync(join(dir, 'vite', 'build'), { recursive: true });
  writeFileSync(join(dir, 'vite', 'build', 'headless.js'), `process.stdout.write(${JSON.stringify(commit)});\n`);
  writeFileSync(join(dir, 'release.json'), JSON.stringify({ commit, lockHash: 'x', builtAt: new Date().toISOString(), reused: [] }));
}

/** What a service manager starts: the launcher, through `current`. */
const runs = () => execFileSync(process.execPath, [join(fx.checkout, '.vite', 'build', 'headless.js')], { cwd: fx.checkout, encoding: 'utf8' });

beforeEach(async () => {
  fx = new Fixture();
  // Not the user's files: the app excludes .releases itself, and its .gitignore has .vite.
  appendFileSync(join(fx.checkout, '.git', 'info', 'exclude'), '/.releases/\n/.vite/\n');
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
  v2 = fx.publish('Version 2', { 'version.txt': 'v2' });

  // What a release-mode update to v2 leaves once v2 runs: settings snapshotted, edits stashed on v1,
  // the checkout at v2, `current` at v2's release, and a journal entry on its last boot without health.
  const journal = new UpdateJournal(fx.dataDir);
  const entry = await journal.begin({ from: fx.v1, pid: deadPid() });
  id = entry.id;
  const snapshot = await createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') }).snapshot();
  const message = `discord-monitor update ${entry.startedAt} from ${fx.v1.slice(0, 7)}`;
  git(fx.checkout, 'stash', 'push', '--include-untracked', '-m', message);
  const sha = git(fx.checkout, 'rev-parse', 'refs/stash');
  git(fx.checkout, 'fetch', '-q', 'origin');
  git(fx.checkout, 'reset', '-q', '--hard', v2);
  makeRelease(fx.v1);
  makeRelease(v2);
  switchCurrent(fx.checkout, v2);
  installLaunchers(fx.checkout);
  const dead = deadPid();
  await journal.patch(id, { to: v2, outcome: 'restarting', boots: 2, lastBootPid: dead, savedChanges: { ref: 'stash@{0}', sha, message }, configBackup: snapshot });
  // What v2 did to the settings in its two boots (a migration), and someone trying a fix in the checkout.
  writeFileSync(fx.settingsFile, JSON.stringify({ migratedBy: 'v2' }));
  writeFileSync(join(fx.checkout, 'version.txt'), 'HAND FIX\n');
  expect(runs()).toBe(v2);
});
afterEach(() => fx.cleanup());

// `FROM` stands for the old commit's sha.
const POINTS: [string, KillPoint][] = [
  ['before `current` is switched back', { git: '* rev-parse --verify HEAD^{commit} *', when: 'after' }],
  ['after `current` is switched back, before the edits found in the checkout are stashed', { git: '* stash push --include-untracked *', when: 'before' }],
  ['after they are stashed, before the journal names the stash', { git: '* stash push --include-untracked *', when: 'after' }],
  ['after the reset to the old commit, before the saved edits are applied', { git: '* reset --hard FROM *', when: 'after' }],
  ['after the saved edits are applied, before their stash is dropped', { git: '* stash apply --index *', when: 'after' }],
  ['after the stash is dropped, before the settings are restored', { git: '* stash drop *', when: 'after' }],
];


it.each(POINTS)('boot rollback killed %s: the next start runs the old release, every edit reachable and named, settings intact', async (_name, at) => {
  const point = withFrom(fx, at);
  await killAt(fx, 'boot-release', point);
  expect((await new UpdateJournal(fx.dataDir).get(id))?.outcome, describePoint(point)).toBe('restarting');
  // Whatever instant the kill hit, the launcher starts one complete release: v2 until the switch back, then v1.
  expect(runs()).toBe(_name.startsWith('before `current`') ? v2 : fx.v1);

  const config = createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') });
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, config, releases: true, runningBuildDir: null, pid: 7004 });
  expect(report.outcome, `${describePoint(point)}: ${report.log.join('\n')}`).toBe('rolled-back');
  expect(currentRelease(fx.checkout)).toBe(fx.v1);
  expect(runs()).toBe(fx.v1);
  expect(fx.head()).toBe(fx.v1);
  expect(readFileSync(fx.settingsFile, 'utf8'), describePoint(point)).toBe(SETTINGS);
  expect(fx.read('README.md')).toBe('readme v1\nMY LOCAL EDIT\n');
  expect(fx.read('notes.txt')).toBe('MY UNTRACKED NOTES\n');

  await expectNamedStashHolding(fx, id, 'HAND FIX', point);
}, 40_000);
