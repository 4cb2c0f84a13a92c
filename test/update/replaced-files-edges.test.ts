// Outside review: edge cases of copyReplacedFiles (replaced-files.ts): an ignored directory where the new version
// tracks a file, and an ignored file where the new version tracks a directory.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { Fixture, git } from './fixture.js';

const MINE = '{ "token": "my own local config" }\n';
let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
  fx.publish('Ignore local config', { '.gitignore': 'node_modules/\nout/\ndata/\nconfig/local\n' });
  git(fx.checkout, 'pull', '-q');
});
afterEach(() => fx.cleanup());

it('an ignored folder where the new version tracks a file: the user’s files in it are copied aside, not wiped', async () => {
  mkdirSync(join(fx.checkout, 'config/local'), { recursive: true });
  writeFileSync(join(fx.checkout, 'config/local/token.json'), MINE);
  fx.publish('Version 2', { 'version.txt': 'v2', '.gitignore': 'node_modules/\nout/\ndata/\n', 'config/local': 'shipped\n' });
  const result = await runUpdate(fx.context());
  expect(result.outcome).toBe('restart-needed');
  const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!;
  // Somewhere, the user's token.json must survive.
  const copied = entry.replacedFiles ? (() => { try { return readFileSync(join(entry.replacedFiles.dir, 'config/local/token.json'), 'utf8'); } catch { return null; } })() : null;
  expect(copied).toBe(MINE);
});

it('an ignored file where the new version tracks a folder: the update is not refused by ENOTDIR', async () => {
  mkdirSync(join(fx.checkout, 'config'), { recursive: true });
  writeFileSync(join(fx.checkout, 'config/local'), MINE);
  fx.publish('Version 2', { 'version.txt': 'v2', '.gitignore': 'node_modules/\nout/\ndata/\n', 'config/local/README.md': 'shipped\n' });
  const result = await runUpdate(fx.context());
  expect(result.outcome, JSON.stringify(result).slice(0, 600)).toBe('restart-needed');
});
