// A file git ignores in the user's checkout, at a path the new version tracks: `stash -u` skips it and
// `git reset --hard <new>` overwrote it with the new version's file, so the user's own was gone (no stash,
// no copy). Now it is copied aside first and the log says where; a rollback or a kill puts it back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git } from './fixture.js';
import { killAt } from './kill-at.js';

const MINE = '{ "token": "my own local config" }\n';
const THEIRS = '{ "token": "the release default" }\n';

let fx: Fixture;
let from: string;
beforeEach(() => {
  fx = new Fixture();
  // The installed version ignores config/local.json; the user has their own.
  fx.publish('Ignore local config', { '.gitignore': 'node_modules/\nout/\ndata/\nconfig/local.json\n' });
  git(fx.checkout, 'pull', '-q');
  from = fx.head();
  mkdirSync(join(fx.checkout, 'config'));
  writeFileSync(join(fx.checkout, 'config/local.json'), MINE);
});
afterEach(() => fx.cleanup());

/** The new version tracks a file at the same path (and no longer ignores it). */
const publishTracked = (extra: Record<string, string> = {}) =>
  fx.publish('Version 2', { 'version.txt': 'v2', '.gitignore': 'node_modules/\nout/\ndata/\n', 'config/local.json': THEIRS, ...extra });

/** Runs the command the reset step's log gives to get the files back, as the user would paste it. */
function followTheLog(): void {
  const log = fx.logOf('reset').join('\n');
  const command = /To get them back later: (.+)$/m.exec(log)?.[1];
  expect(command, log).toBeDefined();
  execFileSync('sh', ['-c', command as string], { cwd: fx.checkout });
}

describe('an ignored file the new version tracks', () => {
  it('update succeeds: the new version has its file, the log says where the user’s went, and following it brings it back', async () => {
    publishTracked();
    expect((await runUpdate(fx.context())).outcome).toBe('restart-needed');
    expect(fx.read('config/local.json')).toBe(THEIRS);
    followTheLog();
    expect(fx.read('config/local.json')).toBe(MINE);
    // After the restart the panel's last-update note says it too (the step's log is gone by then).
    const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!;
    const replaced = toLastUpdate(entry, []).setAside?.replaced;
    expect(replaced?.files).toEqual(['config/local.json']);
    expect(replaced?.command).toBe(/To get them back later: (.+)$/m.exec(fx.logOf('reset').join('\n'))?.[1]);
  });

  it('update fails: the rollback puts the user’s file back in place', async () => {
    publishTracked({ BREAK_BUILD: 'x' });
    expect((await runUpdate(fx.context())).outcome).toBe('rolled-back');
    expect(fx.head()).toBe(from);
    expect(fx.read('config/local.json')).toBe(MINE);
  });
});

it('a process killed right after the reset: the next start puts the user’s file back', async () => {
  publishTracked();
  await killAt(fx, 'update', { git: '* reset --hard *', when: 'after' });
  expect(fx.read('config/local.json')).toBe(THEIRS);

  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 7001 });
  expect(report.outcome).toBe('interrupted');
  expect(fx.read('config/local.json')).toBe(MINE);
}, 60_000);

it('the converse, at a boot rollback: a file the old version tracks and the new one ignores, written by the user on the new one, is copied aside and the log says where', async () => {
  fx.publish('Ship shared config', { 'config/shared.json': THEIRS });
  git(fx.checkout, 'pull', '-q');
  fx.publish('Version 2', { 'version.txt': 'v2', 'config/shared.json': null, '.gitignore': 'node_modules/\nout/\ndata/\nconfig/\n' });
  expect((await runUpdate(fx.context({ autoRestartService: true }))).outcome).toBe('restarting');
  writeFileSync(join(fx.checkout, 'config/shared.json'), MINE);
  const lines: string[] = [];
  const boot = (pid: number) => bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid, onLog: (line) => lines.push(line) });
  await boot(1001);
  await boot(1002);
  expect((await boot(1003)).outcome).toBe('rolled-back');
  expect(fx.read('config/shared.json')).toBe(THEIRS);
  const command = /To get them back later: (.+)$/m.exec(lines.join('\n'))?.[1];
  expect(command, lines.join('\n')).toBeDefined();
  execFileSync('sh', ['-c', command as string], { cwd: fx.checkout });
  expect(fx.read('config/shared.json')).toBe(MINE);
});
