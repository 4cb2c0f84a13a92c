// The new version, started after an update, SIGKILLed at each point of markHealthy (journal closed as a
// success, the user's stashed edits applied, their stash dropped, the state journalled): the next start
// runs the new version, and the edits are in the tree or in a stash the journal names.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { Fixture, git } from './fixture.js';
import { describePoint, killAt, type KillPoint } from './kill-at.js';

const SETTINGS = JSON.stringify({ guildId: '123456789012345678' });
const EDITED = 'readme v1\nMY LOCAL EDIT\n';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
  writeFileSync(join(fx.checkout, 'README.md'), EDITED);
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
});
afterEach(() => fx.cleanup());

/** Updates to v2 with a restart: the entry waits at `restarting` with the edits stashed. */
async function updatedTo(files: Record<string, string>): Promise<string> {
  const v2 = fx.publish('Version 2', { 'version.txt': 'v2', ...files });
  const result = await runUpdate(fx.context({ autoRestartService: true }));
  expect(result.outcome).toBe('restarting');
  expect(result.savedChanges).not.toBeNull();
  return v2;
}

const stashes = () => git(fx.checkout, 'stash', 'list', '--format=%H').split('\n').filter(Boolean);

/** The next start: it runs the new version, settings intact; the answer is what the panel says of the edits. */
async function nextStart(v2: string, point: KillPoint) {
  const config = createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') });
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config, pid: 7002 });
  expect(report.outcome, describePoint(point)).toBe('nothing-pending');
  expect(fx.head()).toBe(v2);
  expect(fx.read('out/build.txt')).toBe('built v2');
  execFileSync(process.execPath, ['scripts/selftest.mjs'], { cwd: fx.checkout, stdio: 'ignore' });
  expect(readFileSync(fx.settingsFile, 'utf8')).toBe(SETTINGS);
  const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
  expect(entry?.outcome).toBe('success');
  return toLastUpdate(entry!, []).setAside?.stash;
}

const POINTS: [string, KillPoint][] = [
  ['after the journal says success, before the edits are applied', { git: '* status --porcelain=v1 *', when: 'before' }],
  ['after the edits are applied, before their stash is dropped', { git: '* stash apply --index *', when: 'after' }],
  ['after the stash is dropped, before the journal says re-applied', { git: '* stash drop *', when: 'after' }],
];

it.each(POINTS)('killed %s: the next start runs the new version; the edits are in the tree or in the stash the journal names', async (_name, point) => {
  const v2 = await updatedTo({});
  await killAt(fx, 'healthy', point);
  const stash = await nextStart(v2, point);
  if (!stash) throw new Error('the journal no longer names the stash');
  const inTree = fx.read('README.md') === EDITED && fx.read('notes.txt') === 'MY UNTRACKED NOTES\n';
  // Killed before the edits were tried: the next start puts them back itself (they stayed in the stash, "kept").
  if ('when' in point && point.when === 'before') expect(stash.state, describePoint(point)).toBe('reapplied');
  if (stash.state === 'reapplied') expect(inTree).toBe(true);
  // Said to be kept: the stash named is there, with the edits (and the command to apply it).
  else expect(inTree || stashes().includes(stash.sha), `${describePoint(point)}: edits neither in the tree nor in ${stash.sha}`).toBe(true);
  if (!inTree) {
    expect(stash.command).toBe(`git stash apply ${stash.sha}`);
    expect(git(fx.checkout, 'show', `${stash.sha}:README.md`)).toBe(EDITED.trimEnd());
  }
}, 40_000);

it('killed mid-conflict (edits applied over a README the new version changed, not yet undone): the edits stay in the named stash', async () => {
  const v2 = await updatedTo({ 'README.md': 'readme v2\n' });
  const point: KillPoint = { git: '* stash apply [0-9a-f]*', when: 'after' };
  await killAt(fx, 'healthy', point);
  const stash = await nextStart(v2, point);
  expect(stash?.state).toBe('kept');
  expect(stashes()).toContain(stash!.sha);
  expect(git(fx.checkout, 'show', `${stash!.sha}:README.md`)).toBe(EDITED.trimEnd());
  expect(git(fx.checkout, 'show', `${stash!.sha}^3:notes.txt`)).toBe('MY UNTRACKED NOTES');
}, 40_000);
