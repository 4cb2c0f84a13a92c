// Release mode: the new commit's files are exported from the fetch on, beside reset, clean and
// install-deps, into a staging folder that the garbage collection keeps and a rollback removes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
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
