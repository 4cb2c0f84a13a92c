// The new version, started after an update, SIGKILLed at each point of markHealthy (journal closed as a
// success, the user's stashed edits applied, their stash dropped, the state journalled): the next start
// runs the new version, and the edits are in the tree or in a stash the journal names. Killed before the
// edits were tried, the next start puts them back (boot.ts reapplyLeftEdits), once, and only onto the
// version that update installed (a helper's review of its first version: two copies starting together
// applied them twice and lost them; an old entry's stash, applied and thrown away by hand, came back
// onto a later checkout).
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

it('killed mid-conflict (edits applied over a README the new version changed, not yet undone): the next start sets the half-applied edits aside (no markers left), the edits stay whole in the named stash', async () => {
  const v2 = await updatedTo({ 'README.md': 'readme v2\n' });
  const point: KillPoint = { git: '* stash apply [0-9a-f]*', when: 'after' };
  await killAt(fx, 'healthy', point);
  // The kill left what a conflicted apply leaves: markers in README.md, an unmerged index.
  expect(fx.read('README.md')).toContain('<<<<<<<');
  const stash = await nextStart(v2, point);
  // The checkout is the new version again, as after a conflict that was not interrupted (no markers left).
  expect(git(fx.checkout, 'ls-files', '--unmerged')).toBe('');
  expect(fx.read('README.md')).toBe('readme v2\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
  expect(stash?.state).toBe('conflict');
  expect(stashes()).toContain(stash!.sha);
  expect(git(fx.checkout, 'show', `${stash!.sha}:README.md`)).toBe(EDITED.trimEnd());
  expect(git(fx.checkout, 'show', `${stash!.sha}^3:notes.txt`)).toBe('MY UNTRACKED NOTES');
}, 40_000);

// ---- the next start puts back edits left in their stash ----

/** A start as process `pid`; `alive`: the processes taken for running (two copies started together are). */
const boot = (pid: number, alive: number[] = []) =>
  bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config: createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') }), pid, isAlive: (p) => alive.includes(p) });

/** Updated to v2, its boot counted, then the process that vouched for it killed before it tried the edits. */
async function killedBeforeEdits(files: Record<string, string> = {}): Promise<string> {
  fx.publish('Version 2', { 'version.txt': 'v2', ...files });
  const result = await runUpdate(fx.context({ autoRestartService: true }));
  expect(result.outcome).toBe('restarting');
  const sha = result.savedChanges!.sha;
  expect((await boot(7001)).outcome).toBe('watching');
  await new UpdateJournal(fx.dataDir).completeAfterRestart(true);
  expect(stashes()).toContain(sha);
  return sha;
}

it('the next start, putting the edits back itself, killed mid-conflict: the start after sets the half-applied edits aside, the edits stay whole in the named stash', async () => {
  const sha = await killedBeforeEdits({ 'README.md': 'readme v2\n' });
  await killAt(fx, 'boot', { git: '* stash apply [0-9a-f]*', when: 'after' });
  expect(fx.read('README.md')).toContain('<<<<<<<');
  const report = await boot(7003);
  expect(report.log.join('\n')).toContain(`git stash apply ${sha}`);
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
  expect(fx.read('README.md')).toBe('readme v2\n');
  expect(stashes()).toContain(sha);
  const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!;
  expect(toLastUpdate(entry, []).setAside?.stash?.state).toBe('conflict');
  expect(git(fx.checkout, 'show', `${sha}:README.md`)).toBe(EDITED.trimEnd());
  expect(git(fx.checkout, 'show', `${sha}^3:notes.txt`)).toBe('MY UNTRACKED NOTES');
}, 60_000);

// A review of the first version of this recovery, which undid the files the stash touched back to the new version:
// a conflict the user had resolved by hand after the kill was thrown away while the log said their edits were safe,
// and a kill during that undo left the markers for good.
it('killed mid-conflict, then the user resolved it by hand: the next start keeps the resolution in a stash it names, and the edits whole in theirs', async () => {
  const v2 = await updatedTo({ 'README.md': 'readme v2\n' });
  const sha = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!.savedChanges!.sha;
  await killAt(fx, 'healthy', { git: '* stash apply [0-9a-f]*', when: 'after' });
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v2\nMY LOCAL EDIT\nRESOLVED BY HAND AFTER THE CRASH\n');
  const report = await boot(7003);
  expect(fx.head()).toBe(v2);
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
  const aside = toLastUpdate((await new UpdateJournal(fx.dataDir).entries()).at(-1)!, []).setAside!;
  expect(aside.stash?.state).toBe('conflict');
  expect(stashes()).toContain(sha);
  const held = aside.recovered!;
  expect(git(fx.checkout, 'show', `${held.sha}:README.md`)).toContain('RESOLVED BY HAND AFTER THE CRASH');
  expect(report.log.join('\n')).toContain(held.command);
  expect(report.log.join('\n')).toContain(`git stash apply ${sha}`);
}, 60_000);

it.each([
  ['after its index was cleared', { git: '* reset -q *', when: 'after' as const }],
  ['after it set the checkout aside, before the journal named it', { git: '* stash push --include-untracked -m discord-monitor edits *', when: 'after' as const }],
])('the recovery of a re-apply killed mid-conflict, itself killed %s: the start after finishes it, nothing lost, no markers', async (_name, point) => {
  const v2 = await updatedTo({ 'README.md': 'readme v2\n' });
  const sha = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!.savedChanges!.sha;
  await killAt(fx, 'healthy', { git: '* stash apply [0-9a-f]*', when: 'after' });
  await killAt(fx, 'boot', point);
  await boot(7004);
  expect(fx.head()).toBe(v2);
  expect(fx.read('README.md')).toBe('readme v2\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
  expect(git(fx.checkout, 'show', `${sha}:README.md`)).toBe(EDITED.trimEnd());
  const aside = toLastUpdate((await new UpdateJournal(fx.dataDir).entries()).at(-1)!, []).setAside!;
  expect(aside.stash?.state).toBe('conflict');
  // What the checkout held when the apply was cut short (its markers) is in a stash the journal names.
  const held = [aside.recovered, ...(aside.moreRecovered ?? [])].filter((s) => !!s);
  expect(held.some((s) => git(fx.checkout, 'show', `${s!.sha}:README.md`).includes('<<<<<<<'))).toBe(true);
}, 60_000);

it('two copies of the app starting at once (the service and the desktop app): the edits are in the tree or in the stash', async () => {
  const sha = await killedBeforeEdits();
  await Promise.all([boot(7002, [7002, 7003]), boot(7003, [7002, 7003])]);
  // One applied them, the other left them alone: nothing set aside as "found in the checkout".
  expect(toLastUpdate((await new UpdateJournal(fx.dataDir).entries()).at(-1)!, []).setAside?.recovered).toBeUndefined();
  const inTree = fx.read('README.md') === EDITED && fx.read('notes.txt') === 'MY UNTRACKED NOTES\n';
  expect(inTree || stashes().includes(sha), `tree: ${JSON.stringify(fx.read('README.md'))}, stashes: ${stashes().join(',')}`).toBe(true);
}, 60_000);

it('the user applied the stash by hand (the command the app gives), committed, then took the line out: not put back at the next start', async () => {
  const sha = await killedBeforeEdits();
  git(fx.checkout, 'stash', 'apply', sha);
  git(fx.checkout, 'add', '-A');
  git(fx.checkout, 'commit', '-qm', 'my edits');
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\n');
  git(fx.checkout, 'commit', '-qam', 'the edit was a mistake');
  // Any later start (nothing pending): the tree is clean and the stash still listed.
  await boot(7002);
  expect(fx.read('README.md')).toBe('readme v1\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
}, 60_000);

it('an old success entry (no state: what every update before 7177c82 left), the stash applied by hand then thrown away: not put back onto a later checkout', async () => {
  const sha = await killedBeforeEdits();
  // The panel's command, then the user decides against the edits; the stash stays listed (apply, not pop).
  git(fx.checkout, 'stash', 'apply', sha);
  git(fx.checkout, 'checkout', '--', '.');
  git(fx.checkout, 'clean', '-fdq');
  // Later the checkout is moved on by hand (a git pull to a newer version), no update through the app.
  const v3 = fx.publish('Version 3', { 'version.txt': 'v3' });
  git(fx.checkout, 'fetch', '-q');
  git(fx.checkout, 'reset', '-q', '--hard', v3);
  await boot(7002);
  expect(fx.head()).toBe(v3);
  expect(git(fx.checkout, 'status', '--porcelain'), 'edits thrown away by hand long ago applied onto v3').toBe('');
}, 60_000);
