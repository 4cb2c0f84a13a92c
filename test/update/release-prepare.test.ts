// Release mode: the new commit's files are exported from the fetch on, beside reset, clean and
// install-deps, into a staging folder that the garbage collection keeps and a rollback removes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkForUpdates } from '../../electron/core/update/check.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, lockfile } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

// Runs in the deps staging folder (.releases/deps/<hash>.tmp-…): notes what .releases holds, then fails.
const INSTALL_NOTES_THEN_FAILS = `const fs = require('node:fs');
const root = require('node:path').join(process.cwd(), '..', '..');
fs.writeFileSync(process.env.NOTES, JSON.stringify(fs.readdirSync(root)));
process.exit(3);`;

it('exports the new files while install-deps runs (GC keeps them), and a rollback removes them', async () => {
  const to = fx.publish('Version 2, new lockfile', { 'version.txt': 'v2', 'package-lock.json': lockfile('b') });
  const notes = join(fx.root, 'notes.json');
  const result = await runUpdate(
    fx.context({
      releases: true,
      commands: { ...fx.commands, install: [process.execPath, '-e', INSTALL_NOTES_THEN_FAILS] },
      commandEnv: { ...process.env, NOTES: notes },
    }),
  );
  expect(result.outcome).toBe('rolled-back');
  expect(result.failedStep).toBe('install-deps');
  // While the install ran, the new release's staging folder was there (made before install-deps' GC ran).
  const during = JSON.parse(readFileSync(notes, 'utf8')) as string[];
  expect(during.filter((n) => n.startsWith(`${to}.tmp-${process.pid}-`))).toHaveLength(1);
  const releases = join(fx.checkout, '.releases');
  expect(existsSync(releases) ? readdirSync(releases).filter((n) => n.includes('.tmp-')) : []).toEqual([]);
});

it('exports the target the check fetched from the start of the update (seen at backup-config), and redoes it when the fetch finds a newer one', async () => {
  const checked = fx.publish('Version 2', { 'version.txt': 'v2' });
  expect((await checkForUpdates({ appDir: fx.checkout })).state).toBe('available');
  const releases = join(fx.checkout, '.releases');
  const staged = () => (existsSync(releases) ? readdirSync(releases).filter((n) => n.includes(`.tmp-${process.pid}-`)) : []);
  let atBackup: string[] = [];
  const base = fx.context({ releases: true });
  const failing = fx.context({
    releases: true,
    config: { ...base.config, snapshot: async () => ((atBackup = staged()), Promise.reject(new Error('disk full'))) },
  });
  expect((await runUpdate(failing)).outcome).toBe('rolled-back');
  expect(atBackup.map((n) => n.split('.tmp-')[0])).toEqual([checked]);
  expect(staged()).toEqual([]);

  // Published after the check: the fetch finds it, and the early export of the checked commit goes.
  const newer = fx.publish('Version 3, new lockfile', { 'version.txt': 'v3', 'package-lock.json': lockfile('c') });
  const notes = join(fx.root, 'notes.json');
  const result = await runUpdate(
    fx.context({ releases: true, commands: { ...fx.commands, install: [process.execPath, '-e', INSTALL_NOTES_THEN_FAILS] }, commandEnv: { ...process.env, NOTES: notes } }),
  );
  expect(result.failedStep).toBe('install-deps');
  const during = (JSON.parse(readFileSync(notes, 'utf8')) as string[]).filter((n) => n.includes(`.tmp-${process.pid}-`) && !n.startsWith('deps'));
  expect(during.map((n) => n.split('.tmp-')[0])).toEqual([newer]);
  expect(staged()).toEqual([]);
});
