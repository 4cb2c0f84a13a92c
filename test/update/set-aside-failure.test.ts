// The user's uncommitted edits stay in the working tree (or the user is told where they are) when
// setting them aside fails half-way, and when the process dies right after `git stash push`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { openGit } from '../../electron/core/update/git.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { saveLocalChanges } from '../../electron/core/update/worktree.js';
import { bootPutsEditsBack } from './edits-back.js';
import { Fixture, git } from './fixture.js';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

const lastEntry = async () => (await new UpdateJournal(fx.dataDir).entries()).at(-1);

function userEdits(): void {
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
}

/** A submodule whose file the user edited: `git stash` cannot set that aside (` M sub` stays). */
function dirtySubmodule(): void {
  const lib = join(fx.root, 'lib');
  mkdirSync(lib);
  git(lib, 'init', '-q', '-b', 'main');
  writeFileSync(join(lib, 'lib.txt'), 'lib1\n');
  git(lib, 'add', '.');
  git(lib, '-c', 'user.name=x', '-c', 'user.email=x@x.invalid', 'commit', '-qm', 'lib1');
  git(fx.publisher, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sub');
  fx.publish('Version 1.5 with a submodule', {});
  git(fx.checkout, 'pull', '-q');
  git(fx.checkout, '-c', 'protocol.file.allow=always', 'submodule', 'update', '--init', '-q');
  writeFileSync(join(fx.checkout, 'sub', 'lib.txt'), 'lib1 MY SUBMODULE EDIT\n');
}

it('an edit git stash cannot set aside (dirty submodule): the update is rolled back with every edit still in the tree', async () => {
  dirtySubmodule();
  userEdits();
  git(fx.checkout, 'add', 'README.md'); // staged: it must come back staged
  const before = git(fx.checkout, 'status', '--porcelain');
  fx.publish('Version 2', { 'version.txt': 'v2' });

  const result = await runUpdate(fx.context());

  expect(result.outcome).toBe('rolled-back');
  expect(result.failedStep).toBe('save-local-changes');
  expect(fx.read('README.md')).toBe('readme v1\nMY LOCAL EDIT\n');
  expect(fx.read('notes.txt')).toBe('MY UNTRACKED NOTES\n');
  expect(fx.read('sub/lib.txt')).toBe('lib1 MY SUBMODULE EDIT\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe(before);
  // Nothing is left hidden in a stash the user was never told about.
  expect(git(fx.checkout, 'stash', 'list')).toBe('');
});

it('a process killed right after `git stash push`: boot recovery puts the edits back and journals them', async () => {
  userEdits();
  fx.publish('Version 2', { 'version.txt': 'v2' });
  // The journal as the killed process left it: save-local-changes running, the stash not recorded yet.
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.recordStep(e.id, { step: 'backup-config', status: 'done', durationMs: 1 });
  await journal.recordStep(e.id, { step: 'save-local-changes', status: 'running', durationMs: 0 });
  const saved = await saveLocalChanges(openGit(fx.checkout), fx.v1);
  expect(saved).not.toBeNull();
  expect(existsSync(join(fx.checkout, 'notes.txt'))).toBe(false);

  expect(await bootPutsEditsBack(fx)).toMatchObject({ sha: saved?.sha, state: 'reapplied' });
});

it('an older stash of the app (an earlier update) is not taken for the interrupted run’s', async () => {
  userEdits();
  const older = await saveLocalChanges(openGit(fx.checkout), fx.v1, new Date(Date.now() - 60_000));
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.recordStep(e.id, { step: 'save-local-changes', status: 'running', durationMs: 0 });

  await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 7001 });

  expect(git(fx.checkout, 'stash', 'list', '--format=%H')).toBe(older?.sha);
  expect((await lastEntry())?.savedChanges).toBeNull();
});

it('the edits cannot be put back (the tree changed since): they stay stashed and the journal says where', async () => {
  userEdits();
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.recordStep(e.id, { step: 'save-local-changes', status: 'running', durationMs: 0 });
  const saved = await saveLocalChanges(openGit(fx.checkout), fx.v1);
  writeFileSync(join(fx.checkout, 'notes.txt'), 'written after the crash\n');

  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 7001 });

  expect(report.log.join('\n')).toContain(`git stash apply ${saved?.sha}`);
  expect(git(fx.checkout, 'stash', 'list', '--format=%H')).toBe(saved?.sha);
  expect((await lastEntry())?.savedChanges).toMatchObject({ sha: saved?.sha, state: 'kept' });
  expect(fx.read('notes.txt')).toBe('written after the crash\n');
});
