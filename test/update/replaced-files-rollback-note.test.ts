// Outside review: after a rollback put the user's replaced ignored file back, the panel's last-update note still
// says the new version ships it and gives the cp command to copy the (now older) copy back over it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
  fx.publish('Ignore local config', { '.gitignore': 'node_modules/\nout/\ndata/\nconfig/local.json\n' });
  git(fx.checkout, 'pull', '-q');
  mkdirSync(join(fx.checkout, 'config'));
  writeFileSync(join(fx.checkout, 'config/local.json'), 'mine\n');
});
afterEach(() => fx.cleanup());

it('rolled back: the note does not tell the user to copy back files that are already back', async () => {
  fx.publish('Version 2', { 'version.txt': 'v2', '.gitignore': 'node_modules/\nout/\ndata/\n', 'config/local.json': 'theirs\n', BREAK_BUILD: 'x' });
  expect((await runUpdate(fx.context())).outcome).toBe('rolled-back');
  expect(fx.read('config/local.json')).toBe('mine\n');
  const entry = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!;
  expect(toLastUpdate(entry, []).setAside?.replaced).toBeUndefined();
});
