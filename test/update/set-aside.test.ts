// The user's own work (local commits, uncommitted edits) is never lost by an update, and the user is
// told where it went: before (the confirmation), and after the restart (journal → panel).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootCheck, markHealthy } from '../../electron/core/update/boot.js';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { installedCommits } from '../../electron/core/update/last-update.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

function commitLocally(file: string, content: string, message: string): string {
  writeFileSync(join(fx.checkout, file), content);
  git(fx.checkout, 'add', file);
  git(fx.checkout, 'commit', '-q', '-m', message);
  return fx.head();
}

/** The update as the app runs it: pipeline, restart, boot of the new version, healthy. */
async function updateAndBoot(): Promise<void> {
  expect((await runUpdate(fx.context({ autoRestartService: true }))).outcome).toBe('restarting');
  await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 5001 });
  expect(await markHealthy({ appDir: fx.checkout, dataDir: fx.dataDir, pid: 5001 })).toBe(true);
}

const lastEntry = async () => (await new UpdateJournal(fx.dataDir).entries()).at(-1);

describe('local commits not on the remote', () => {
  it('the check lists them with the branch they will be moved to; the update uses that branch and journals it', async () => {
    const l1 = commitLocally('local.txt', 'one\n', 'Local tweak 1');
    const l2 = commitLocally('local.txt', 'two\n', 'Local tweak 2');
    fx.publish('Version 2', { 'version.txt': 'v2' });

    const check = await checkForUpdates({ appDir: fx.checkout, dataDir: fx.dataDir });
    if (check.state !== 'available') throw new Error(`expected an update, got ${check.state}`);
    const branch = `discord-monitor/before-update-${l2.slice(0, 7)}`;
    expect(check.localCommits).toMatchObject({ branch, commits: [{ subject: 'Local tweak 2' }, { subject: 'Local tweak 1' }] });
    expect(check.localCommits?.commits.map((c) => c.hash)).toEqual([l2.slice(0, 7), l1.slice(0, 7)]);

    await updateAndBoot();
    expect(git(fx.checkout, 'rev-parse', branch)).toBe(l2);
    expect(await lastEntry()).toMatchObject({ outcome: 'success', keptCommits: { branch, count: 2 } });
  });

  it('a second update from the same commit reuses the branch instead of failing on it', async () => {
    const l1 = commitLocally('local.txt', 'one\n', 'Local tweak');
    fx.publish('Version 2', { 'version.txt': 'v2' });
    git(fx.checkout, 'branch', `discord-monitor/before-update-${l1.slice(0, 7)}`, l1);
    await updateAndBoot();
    expect((await lastEntry())?.keptCommits?.branch).toBe(`discord-monitor/before-update-${l1.slice(0, 7)}`);
  });

  it('"the commits installed" are only the remote ones, never the removed local commit', async () => {
    commitLocally('local.txt', 'mine\n', 'My local commit');
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
    const from = fx.head();
    await updateAndBoot();
    expect((await installedCommits(fx.checkout, from, v2)).map((c) => c.subject)).toEqual(['Version 2']);
  });
});

describe('uncommitted edits', () => {
  it('are re-applied after a successful update when they apply cleanly, and the stash entry is dropped', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    writeFileSync(join(fx.checkout, 'notes.txt'), 'untracked note\n');
    await updateAndBoot();
    expect(fx.read('version.txt')).toBe('v2');
    expect(fx.read('README.md')).toBe('my local edit\n');
    expect(fx.read('notes.txt')).toBe('untracked note\n');
    expect(git(fx.checkout, 'stash', 'list')).toBe('');
    expect((await lastEntry())?.savedChanges).toMatchObject({ state: 'reapplied' });
  });

  it('that conflict with the new version stay in the stash, the checkout stays clean, and the journal says how to apply them', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2', 'README.md': 'readme v2\n' });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    await updateAndBoot();
    expect(fx.read('README.md')).toBe('readme v2\n');
    expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
    const saved = (await lastEntry())?.savedChanges;
    expect(saved).toMatchObject({ state: 'conflict' });
    expect(git(fx.checkout, 'stash', 'list', '--format=%H')).toBe(saved?.sha);
  });

  it("do not pile up: after two updates with edits the app's stash entries are gone", async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, 'README.md'), 'edit 1\n');
    await updateAndBoot();
    fx.publish('Version 3', { 'version.txt': 'v3' });
    await updateAndBoot();
    expect(fx.read('README.md')).toBe('edit 1\n');
    expect(git(fx.checkout, 'stash', 'list')).toBe('');
  });

  it('after a rollback they are back in the checkout, and the journal says so (not a stash to apply)', async () => {
    fx.publish('Version 2 (broken build)', { 'version.txt': 'v2', BREAK_BUILD: '1' });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    expect((await runUpdate(fx.context())).outcome).toBe('rolled-back');
    expect(fx.read('README.md')).toBe('my local edit\n');
    expect(git(fx.checkout, 'stash', 'list')).toBe('');
    expect((await lastEntry())?.savedChanges).toMatchObject({ state: 'reapplied' });
  });
});
