// Boot recovery after an update killed mid-way (checkout already at the new commit), itself SIGKILLed at
// each of its points (edits found in the checkout set aside, reset to the old commit, rebuild, the saved
// edits applied, their stash dropped, settings restored): the start after that must finish the recovery,
// with the old version built and bootable, every edit in the tree or in a stash the journal names, and
// the settings as before the update.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { describeSetAside, toLastUpdate } from '../../electron/core/update-view.js';
import { Fixture, git } from './fixture.js';
import { describePoint, killAt, type KillPoint } from './kill-at.js';

const SETTINGS = JSON.stringify({ guildId: '123456789012345678' });

let fx: Fixture;
let v2 = '';
beforeEach(async () => {
  fx = new Fixture();
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
  v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
  // The update dies right after its reset: the checkout at v2, its build still v1's, the edits in a stash.
  await killAt(fx, 'update', { git: '* reset --hard *', when: 'after' });
  expect(fx.head()).toBe(v2);
  // Whatever the dead update's new version did to the settings (a migration), and someone trying a fix.
  writeFileSync(fx.settingsFile, JSON.stringify({ migratedBy: 'v2' }));
  writeFileSync(join(fx.checkout, 'version.txt'), 'HAND FIX\n');
});
afterEach(() => fx.cleanup());

// `FROM` stands for the old commit's sha.
const POINTS: [string, KillPoint][] = [
  ['before the edits found in the checkout are stashed', { git: '* stash push --include-untracked *', when: 'before' }],
  ['after they are stashed, before the journal names the stash', { git: '* stash push --include-untracked *', when: 'after' }],
  ['after the reset to the old commit, before the rebuild', { git: '* reset --hard FROM *', when: 'after' }],
  ['after the rebuild, before the saved edits are applied', { git: '* stash apply --index *', when: 'before' }],
  ['after the saved edits are applied, before their stash is dropped', { git: '* stash apply --index *', when: 'after' }],
  ['after the stash is dropped, before the settings are restored', { git: '* stash drop *', when: 'after' }],
  ['after the settings are restored, the journal still running', { pause: 'recovered' }],
];

const stashes = () => git(fx.checkout, 'stash', 'list', '--format=%H').split('\n').filter(Boolean);

it.each(POINTS)('boot recovery killed %s: the next start finishes it; old version bootable, every edit reachable and named, settings intact', async (_name, at) => {
  const point = 'git' in at ? { ...at, git: at.git.replace('FROM', fx.v1) } : at;
  const id = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!.id;
  await killAt(fx, 'boot', point);
  expect((await new UpdateJournal(fx.dataDir).get(id))?.outcome, describePoint(point)).toBe('running');

  const config = createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') });
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config, pid: 7003 });
  expect(report.outcome, `${describePoint(point)}: ${report.log.join('\n')}`).toBe('interrupted');

  expect(fx.head()).toBe(fx.v1);
  expect(fx.read('out/build.txt')).toBe('built v1');
  execFileSync(process.execPath, ['scripts/selftest.mjs'], { cwd: fx.checkout, stdio: 'ignore' });
  expect(readFileSync(fx.settingsFile, 'utf8'), describePoint(point)).toBe(SETTINGS);
  expect(fx.read('README.md')).toBe('readme v1\nMY LOCAL EDIT\n');
  expect(fx.read('notes.txt')).toBe('MY UNTRACKED NOTES\n');

  const aside = toLastUpdate((await new UpdateJournal(fx.dataDir).get(id))!, []).setAside;
  const told = [aside?.recovered, ...(aside?.moreRecovered ?? [])].filter((s) => !!s);
  for (const stash of told) expect(stashes(), 'every stash named is there').toContain(stash.sha);
  const holding = told.filter((s) => git(fx.checkout, 'show', `${s.sha}:version.txt`) === 'HAND FIX');
  expect(holding, `${describePoint(point)}: no stash the journal names holds the fix made after the crash`).toHaveLength(1);
  expect(describeSetAside(aside ?? null).join('\n')).toContain(`git stash apply ${holding[0]!.sha}`);
}, 40_000);
