import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git, lockfile } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

describe('runUpdate rollback', () => {
  it('a failed build rolls back to the old commit, rebuilds it, reinstalls and restarts the bot', async () => {
    fx.publish('Broken version', { 'version.txt': 'v2', BREAK_BUILD: '1', 'package-lock.json': lockfile('b') });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    const ctx = fx.context();
    const result = await runUpdate(ctx);

    expect(result.outcome).toBe('rolled-back');
    expect(result.failedStep).toBe('build');
    expect(result.error).toContain('exited with code 1');
    expect(result.message).toContain(`Rolled back to ${fx.v1.slice(0, 7)}`);
    expect(fx.logOf('build').join('\n')).toContain('build of v2 is broken');
    expect(fx.head()).toBe(fx.v1);
    // The failed build left "partial v2" behind; the rollback rebuilt the old version.
    expect(fx.read('out/build.txt')).toBe('built v1');
    expect(fx.installs()).toEqual(['a', 'b', 'a']);
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
    expect(result.botRestarted).toBe(true);
    // The user's edit is back in place and no longer parked in a stash.
    expect(fx.read('README.md')).toBe('my local edit\n');
    expect(git(fx.checkout, 'stash', 'list')).toBe('');

    expect(fx.finalStatus('self-test')).toBe('skipped');
    expect(fx.finalStatus('restart')).toBe('skipped');
    expect(fx.finalStatus('rollback')).toBe('done');
    const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
    expect(entry).toMatchObject({ outcome: 'rolled-back', failedStep: 'build' });
  });

  it('a failed self-test rolls back before the old process would exit', async () => {
    fx.publish('Builds but cannot start', { 'version.txt': 'v2', BREAK_SELFTEST: '1' });
    const ctx = fx.context({ autoRestartService: true });
    const result = await runUpdate(ctx);

    expect(result).toMatchObject({ outcome: 'rolled-back', failedStep: 'self-test' });
    expect(fx.logOf('self-test').join('\n')).toContain('self-test failed on built v2');
    expect(fx.head()).toBe(fx.v1);
    expect(fx.read('out/build.txt')).toBe('built v1');
    expect(fx.read('BREAK_SELFTEST')).toBeNull();
    expect(ctx.restarter.plans).toEqual([]);
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
    // Lockfile unchanged: the rollback does not reinstall either.
    expect(fx.installs()).toEqual(['a']);
  });

  it('reports both errors and a manual fix when the rollback fails too', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context();
    ctx.commands = { ...fx.commands, build: [process.execPath, '-e', 'console.error("no compiler"); process.exit(3)'] };
    const result = await runUpdate(ctx);

    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('exited with code 3');
    expect(result.rollbackError).toContain('restoring the checkout');
    expect(result.message).toContain(`git reset --hard ${fx.v1}`);
    // The checkout itself is back on the old commit; only its build could not be redone.
    expect(fx.head()).toBe(fx.v1);
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
    const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
    expect(entry?.outcome).toBe('failed');
  });

  it('a failed fetch leaves the checkout and build alone and puts local edits back', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    writeFileSync(join(fx.checkout, 'out', 'build.txt'), 'sentinel');
    renameSync(fx.origin, `${fx.origin}.moved`);
    const ctx = fx.context();
    const result = await runUpdate(ctx);

    expect(result).toMatchObject({ outcome: 'rolled-back', failedStep: 'fetch', botWasRunning: true, botRestarted: true });
    expect(result.error).toContain('does not appear to be a git repository');
    expect(fx.head()).toBe(fx.v1);
    expect(fx.read('README.md')).toBe('my local edit\n');
    // Nothing moved, so nothing was rebuilt.
    expect(fx.read('out/build.txt')).toBe('sentinel');
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
  });

  it('a bot that does not stop within its deadline aborts the update before anything changes', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({ timeouts: { botStop: 200 } });
    ctx.bot.stop = () => new Promise<void>(() => undefined);
    const result = await runUpdate(ctx);
    expect(result).toMatchObject({ outcome: 'rolled-back', failedStep: 'stop-bot' });
    expect(result.error).toContain('Stopping the bot did not finish within');
    expect(fx.head()).toBe(fx.v1);
    expect(fx.finalStatus('backup-config')).toBe('skipped');
    // It never stopped, so it is not started a second time.
    expect(ctx.bot.calls).toEqual([]);
  });
});
