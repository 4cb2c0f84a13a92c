import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { isUpdating } from '../../electron/core/update/lock.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { UPDATE_STEPS } from '../../electron/core/update/types.js';
import { Fixture, git, lockfile } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

describe('runUpdate', () => {
  it('updates, builds, self-tests; without auto restart the bot comes back in this process', async () => {
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({ autoRestartService: false });
    const result = await runUpdate(ctx);

    expect(result.outcome).toBe('restart-needed');
    expect(result.message).toContain('restart needed to load the new version');
    expect(result).toMatchObject({ from: fx.v1, to: v2, botRestarted: true });
    expect(fx.head()).toBe(v2);
    expect(fx.read('out/build.txt')).toBe('built v2');
    expect(fx.logOf('self-test').join('\n')).toContain('self-test ok: built v2');
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
    expect(ctx.restarter.plans).toEqual([]);

    // Lockfile unchanged: no install.
    expect(fx.finalStatus('install-deps')).toBe('skipped');
    expect(fx.logOf('install-deps').join()).toContain('No dependency change');
    expect(fx.installs()).toEqual(['a']);

    // Every step announced as pending, then run in order, each with a duration.
    expect(fx.events.slice(0, UPDATE_STEPS.length).map((e) => [e.step, e.status])).toEqual(UPDATE_STEPS.map((s) => [s, 'pending']));
    const firstRun = [...new Set(fx.events.filter((e) => e.status === 'running').map((e) => e.step))];
    expect(firstRun).toEqual([...UPDATE_STEPS]);
    for (const step of result.steps) expect(step.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.steps.find((s) => s.step === 'build')).toMatchObject({ status: 'done' });

    const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
    expect(entry).toMatchObject({ outcome: 'restarting', from: fx.v1, to: v2 });
    expect(entry?.durationMs).toBeGreaterThan(0);
    expect(entry?.steps.find((s) => s.step === 'build')?.status).toBe('done');
  });

  it('reinstalls dependencies when package-lock.json changed', async () => {
    fx.publish('Bump deps', { 'version.txt': 'v2', 'package-lock.json': lockfile('b') });
    const result = await runUpdate(fx.context());
    expect(result.outcome).toBe('restart-needed');
    expect(fx.finalStatus('install-deps')).toBe('done');
    expect(fx.logOf('install-deps')).toContain('installed deps b');
    expect(fx.installs()).toEqual(['a', 'b']);
  });

  it('sets local edits and untracked files aside in a stash; ignored files stay', async () => {
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2', 'README.md': 'readme v2\n' });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    writeFileSync(join(fx.checkout, 'notes.txt'), 'untracked note\n');
    writeFileSync(join(fx.checkout, 'out', 'local-data.txt'), 'ignored data\n');

    const result = await runUpdate(fx.context());
    expect(result.outcome).toBe('restart-needed');
    const saved = result.savedChanges;
    if (!saved) throw new Error('local changes were not saved');
    expect(git(fx.checkout, 'show', `${saved.sha}:README.md`)).toBe('my local edit');
    expect(git(fx.checkout, 'show', `${saved.sha}^3:notes.txt`)).toBe('untracked note');
    expect(git(fx.checkout, 'stash', 'list')).toContain(`discord-monitor update`);
    expect(saved.message).toMatch(new RegExp(`^discord-monitor update \\d{4}-.*Z from ${fx.v1.slice(0, 7)}$`));
    expect(fx.logOf('save-local-changes').join('\n')).toContain(`git stash apply ${saved.sha}`);

    expect(fx.head()).toBe(v2);
    expect(fx.read('README.md')).toBe('readme v2\n');
    expect(fx.read('notes.txt')).toBeNull();
    expect(fx.read('out/local-data.txt')).toBe('ignored data\n');
    expect(fx.installs()).toEqual(['a']);
  });

  it('keeps local commits that the update branch lacks on a branch', async () => {
    const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
    writeFileSync(join(fx.checkout, 'local.txt'), 'committed here\n');
    git(fx.checkout, 'add', 'local.txt');
    git(fx.checkout, 'commit', '-q', '-m', 'Local tweak');
    const local = fx.head();
    await runUpdate(fx.context());
    expect(fx.head()).toBe(v2);
    const kept = git(fx.checkout, 'branch', '--list', 'discord-monitor/before-update-*', '--format=%(objectname)');
    expect(kept).toBe(local);
    expect(fx.logOf('fetch').join('\n')).toContain(`1 local commit not on origin/main is kept on branch discord-monitor/before-update-${local.slice(0, 7)}.`);
  });

  it('with auto restart, hands the detected plan to the restarter and leaves the bot to the new process', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({
      autoRestartService: true,
      detect: { env: { INVOCATION_ID: 'abc' }, readFile: () => '0::/system.slice/discord-monitor.service\n' },
    });
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('restarting');
    expect(ctx.restarter.plans.map((p) => p.argv)).toEqual([['systemctl', 'restart', 'discord-monitor.service']]);
    expect(result.restart?.method).toBe('systemd');
    // Only one Discord session per token: the old process must not reconnect.
    expect(ctx.bot.calls).toEqual(['stop']);
    expect(await new UpdateJournal(fx.dataDir).pending()).toMatchObject({ outcome: 'restarting' });
  });

  it('when the restart command fails, says so and brings the bot back', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({ autoRestartService: true });
    ctx.restarter.failWith = 'Interactive authentication required.';
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('restart-needed');
    expect(result.restartError).toContain('Interactive authentication required');
    expect(result.message).toContain('restart the app by hand');
    expect(ctx.bot.calls).toEqual(['stop', 'start']);
    expect(fx.finalStatus('restart')).toBe('failed');
  });

  it('a restart that never reports back does not start a second bot next to the new process', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    const ctx = fx.context({ autoRestartService: true, timeouts: { restart: 200 } });
    ctx.restarter.restart = () => new Promise<void>(() => undefined);
    const result = await runUpdate(ctx);
    expect(result.outcome).toBe('restart-needed');
    expect(result.restartError).toContain('did not finish within');
    expect(ctx.bot.calls).toEqual(['stop']);
  });

  it('restores the settings from the snapshot when the update lost them', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    // Settings kept untracked inside the checkout (as the old panel's .env was) are swept away with the stash.
    const settings = join(fx.checkout, 'settings.local.json');
    writeFileSync(settings, '{"channelId":"42"}');
    const config = createFileConfigBackup({ files: [settings], backupDir: join(fx.dataDir, 'backups') });
    const result = await runUpdate(fx.context({ config }));
    expect(result.outcome).toBe('restart-needed');
    expect(readFileSync(settings, 'utf8')).toBe('{"channelId":"42"}');
    expect(fx.logOf('restore-config').join('\n')).toContain('Settings restored');
  });

  it('runs one update at a time and exposes isUpdating()', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    expect(isUpdating()).toBe(false);
    const first = runUpdate(fx.context());
    expect(isUpdating()).toBe(true);
    await expect(runUpdate(fx.context())).rejects.toThrow(/already running/);
    expect(await checkForUpdates({ appDir: fx.checkout })).toMatchObject({ state: 'error', code: 'busy' });
    expect((await first).outcome).toBe('restart-needed');
    expect(isUpdating()).toBe(false);
  });

  it('refuses to run outside a git checkout', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'dm-plain-'));
    mkdirSync(join(plain, 'x'));
    try {
      await expect(runUpdate(fx.context({ appDir: plain }))).rejects.toThrow(/not a git checkout/);
      expect(existsSync(join(fx.dataDir, 'update-journal.json'))).toBe(false);
      expect(isUpdating()).toBe(false);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
