import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { Fixture, git, lockfile } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

describe('checkForUpdates', () => {
  it('reports the commits between HEAD and the upstream head', async () => {
    fx.publish('Fix reconnect loop', { 'version.txt': 'v2' });
    const v3 = fx.publish('Add tray badge', { 'version.txt': 'v3' });
    const result = await checkForUpdates({ appDir: fx.checkout, dataDir: fx.dataDir });
    expect(result.state).toBe('available');
    if (result.state !== 'available') return;
    expect(result.count).toBe(2);
    expect(result.commits.map((c) => c.subject)).toEqual(['Add tray badge', 'Fix reconnect loop']);
    expect(result.commits[0]).toMatchObject({ hash: v3.slice(0, result.commits[0]!.hash.length), author: 'Publisher' });
    expect(result.commits[0]!.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(result.target).toEqual({ ref: 'origin/main', sha: v3 });
    expect(result.current).toBe(fx.v1);
    expect(result.dependencies).toEqual({ changed: false, summary: '' });
    expect(result.estimate).toEqual({ ms: 30_000, basis: 'default', samples: 0 });
    // A check never moves the checkout.
    expect(fx.head()).toBe(fx.v1);
  });

  it('says up-to-date when the upstream has nothing new', async () => {
    const result = await checkForUpdates({ appDir: fx.checkout });
    expect(result.state).toBe('up-to-date');
  });

  it('flags a lockfile change, lists local changes and estimates from the journal', async () => {
    fx.publish('Bump discord.js', { 'package-lock.json': lockfile('b') });
    writeFileSync(join(fx.checkout, 'README.md'), 'my local edit\n');
    writeFileSync(join(fx.checkout, 'notes.txt'), 'untracked\n');
    const journal = new UpdateJournal(fx.dataDir);
    for (const ms of [10_000, 40_000, 20_000]) {
      const e = await journal.begin({ from: fx.v1, now: new Date(Date.now() - ms) });
      await journal.finish(e.id, { outcome: 'success' });
    }
    const result = await checkForUpdates({ appDir: fx.checkout, dataDir: fx.dataDir });
    if (result.state !== 'available') throw new Error(`unexpected ${result.state}`);
    expect(result.dependencies).toEqual({ changed: true, summary: 'package-lock.json changed', i18n: { key: 'update.deps.unreadable', params: {} } });
    expect(result.localChanges).toEqual([' M README.md', '?? notes.txt']);
    expect(result.estimate.basis).toBe('history');
    expect(result.estimate.samples).toBe(3);
    expect(Math.abs(result.estimate.ms - 20_000)).toBeLessThan(1_000);
  });

  it('follows an explicit update branch instead of the upstream', async () => {
    git(fx.publisher, 'checkout', '-q', '-b', 'beta');
    fx.publish('Beta feature', { 'version.txt': 'beta' });
    const onMain = await checkForUpdates({ appDir: fx.checkout });
    const onBeta = await checkForUpdates({ appDir: fx.checkout, branch: 'beta' });
    expect(onMain.state).toBe('up-to-date');
    expect(onBeta).toMatchObject({ state: 'available', count: 1, target: { ref: 'origin/beta' } });
  });

  it('is disabled outside a git checkout, in a packaged install, or when turned off', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'dm-plain-'));
    try {
      expect(await checkForUpdates({ appDir: plain })).toMatchObject({ state: 'disabled', reason: 'not-a-checkout' });
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    // A folder inside some other repository is not the app's checkout.
    expect(await checkForUpdates({ appDir: join(fx.checkout, 'scripts') })).toMatchObject({ state: 'disabled', reason: 'not-a-checkout' });
    expect(await checkForUpdates({ appDir: fx.checkout, packaged: true })).toMatchObject({ state: 'disabled', reason: 'packaged' });
    expect(await checkForUpdates({ appDir: fx.checkout, autoUpdateEnabled: false })).toMatchObject({
      state: 'disabled',
      reason: 'auto-update-off',
    });
  });

  it('is disabled when git is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(fx.root, 'no-bin-here');
    try {
      expect(await checkForUpdates({ appDir: fx.checkout })).toMatchObject({ state: 'disabled', reason: 'git-missing' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('reports a failed fetch with git’s own message', async () => {
    renameSync(fx.origin, `${fx.origin}.moved`);
    const result = await checkForUpdates({ appDir: fx.checkout });
    expect(result).toMatchObject({ state: 'error', code: 'fetch-failed' });
    if (result.state !== 'error') return;
    expect(result.message).toContain('does not appear to be a git repository');
    expect(result.message).toContain('Could not fetch origin/main');
  });

  it('reports a missing update branch and a branch without upstream', async () => {
    expect(await checkForUpdates({ appDir: fx.checkout, branch: 'nope' })).toMatchObject({ state: 'error' });
    git(fx.checkout, 'checkout', '-q', '-b', 'local-only');
    expect(await checkForUpdates({ appDir: fx.checkout })).toMatchObject({ state: 'error', code: 'no-upstream' });
  });
});
