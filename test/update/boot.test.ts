import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideBoot } from '../../electron/core/update/boot-decision.js';
import { pidAlive } from '../../electron/core/pid-alive.js';
import { bootCheck, markHealthy } from '../../electron/core/update/boot.js';
import { UpdateJournal, type JournalEntry } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git, lockfile } from './fixture.js';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

function entry(patch: Partial<JournalEntry>): JournalEntry {
  return {
    id: 'e1', pid: 4242, from: 'a'.repeat(40), to: 'b'.repeat(40), startedAt: new Date().toISOString(),
    finishedAt: null, durationMs: null, outcome: 'running', steps: [], failedStep: null, error: null,
    lockfileChanged: false, savedChanges: null, keptCommits: null, recoveredEdits: null, replacedFiles: null, configBackup: null, boots: 0, lastBootPid: null, ...patch,
  };
}

describe('decideBoot', () => {
  const facts = { pid: 100, nowMs: Date.now(), isAlive: (pid: number) => pid === 4242 };

  it('does nothing without an unfinished update', () => {
    expect(decideBoot(null, facts).action).toBe('none');
    expect(decideBoot(entry({ outcome: 'success' }), facts).action).toBe('none');
  });

  it('recovers a running update whose process is gone, or whose pid is ours, or which is stale', () => {
    expect(decideBoot(entry({ pid: 7 }), facts).action).toBe('recover');
    expect(decideBoot(entry({ pid: 100 }), { ...facts, isAlive: () => true }).action).toBe('recover');
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    expect(decideBoot(entry({ startedAt: old }), facts).action).toBe('recover');
    expect(decideBoot(entry({}), facts).action).toBe('elsewhere');
  });

  it('counts boots of a restarting version and rolls back after two unhealthy ones', () => {
    expect(decideBoot(entry({ outcome: 'restarting', boots: 0 }), facts)).toMatchObject({ action: 'count-boot', boot: 1 });
    expect(decideBoot(entry({ outcome: 'restarting', boots: 1 }), facts)).toMatchObject({ action: 'count-boot', boot: 2 });
    const third = decideBoot(entry({ outcome: 'restarting', boots: 2 }), facts);
    expect(third).toMatchObject({ action: 'rollback' });
    if (third.action === 'rollback') expect(third.reason).toContain('2 consecutive boots');
  });

  it('pidAlive tells a live process from a dead one', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(deadPid())).toBe(false);
  });
});

describe('bootCheck', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = new Fixture();
  });
  afterEach(() => fx.cleanup());

  it('brings an update interrupted mid-build back to the old commit, reinstalled and rebuilt', async () => {
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2', 'package-lock.json': lockfile('b') });
    const journal = new UpdateJournal(fx.dataDir);
    const e = await journal.begin({ from: fx.v1, pid: deadPid() });
    await journal.patch(e.id, { to: v2, lockfileChanged: true });
    // What the dead process had done: reset to v2, installed its deps, started building.
    git(fx.checkout, 'fetch', '-q', 'origin');
    git(fx.checkout, 'reset', '-q', '--hard', v2);
    spawnSync(process.execPath, ['scripts/install.mjs'], { cwd: fx.checkout });
    writeFileSync(join(fx.checkout, 'out', 'build.txt'), 'partial v2');
    await journal.recordStep(e.id, { step: 'reset', status: 'done', durationMs: 5 });
    await journal.recordStep(e.id, { step: 'build', status: 'running', durationMs: 0 });

    const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
    expect(report).toMatchObject({ outcome: 'interrupted', restartNeeded: true });
    expect(fx.head()).toBe(fx.v1);
    expect(fx.read('out/build.txt')).toBe('built v1');
    expect(fx.installs()).toEqual(['a', 'b', 'a']);
    expect((await journal.get(e.id))?.outcome).toBe('interrupted');
    expect((await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir })).outcome).toBe('nothing-pending');
  });

  it('an update that died before touching the checkout only gets closed: edits and build untouched', async () => {
    const journal = new UpdateJournal(fx.dataDir);
    const e = await journal.begin({ from: fx.v1, pid: deadPid() });
    await journal.recordStep(e.id, { step: 'stop-bot', status: 'running', durationMs: 0 });
    writeFileSync(join(fx.checkout, 'README.md'), 'edit in progress\n');
    writeFileSync(join(fx.checkout, 'out', 'build.txt'), 'sentinel');

    const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
    expect(report.outcome).toBe('interrupted');
    expect(fx.read('README.md')).toBe('edit in progress\n');
    expect(fx.read('out/build.txt')).toBe('sentinel');
  });

  it('leaves an update that is still running in another process alone', async () => {
    const journal = new UpdateJournal(fx.dataDir);
    await journal.begin({ from: fx.v1, pid: process.ppid });
    const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
    expect(report.outcome).toBe('update-running-elsewhere');
    expect((await journal.pending())?.outcome).toBe('running');
  });

  it('rolls back a new version that fails to become healthy on two consecutive boots', async () => {
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
    expect((await runUpdate(fx.context({ autoRestartService: true }))).outcome).toBe('restarting');
    expect(fx.read('out/build.txt')).toBe('built v2');
    const boot = (pid: number) => bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid });

    expect(await boot(1001)).toMatchObject({ outcome: 'watching', restartNeeded: false });
    expect(await boot(1002)).toMatchObject({ outcome: 'watching' });
    expect(fx.head()).toBe(v2);
    const third = await boot(1003);
    expect(third).toMatchObject({ outcome: 'rolled-back', restartNeeded: true });
    expect(third.message).toContain('did not become healthy on 2 consecutive boots');
    expect(fx.head()).toBe(fx.v1);
    expect(fx.read('out/build.txt')).toBe('built v1');
    expect((await new UpdateJournal(fx.dataDir).entries()).at(-1)).toMatchObject({ outcome: 'rolled-back' });
  });

  it('markHealthy from the booted process closes the update as a success', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    await runUpdate(fx.context({ autoRestartService: true }));
    await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 2001 });
    // The old process (or any other) cannot vouch for the new version.
    expect(await markHealthy({ dataDir: fx.dataDir, pid: 1999 })).toBe(false);
    expect(await markHealthy({ dataDir: fx.dataDir, pid: 2001 })).toBe(true);
    expect((await new UpdateJournal(fx.dataDir).entries()).at(-1)).toMatchObject({ outcome: 'success' });
    expect((await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, pid: 2002 })).outcome).toBe('nothing-pending');
  });
});
