// After an update was interrupted between `git stash push` and its next step: the boot watchdog says so,
// the user's edits (tracked and untracked) are back in the checkout and no stash is left behind.
import { expect } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import type { SavedChanges } from '../../electron/core/update/types.js';
import { git, type Fixture } from './fixture.js';

/** Boots, checks the edits came back, and answers what the journal now says of the saved changes. */
export async function bootPutsEditsBack(fx: Fixture): Promise<SavedChanges | null | undefined> {
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 7001 });
  expect(report.outcome).toBe('interrupted');
  expect(fx.read('README.md')).toBe('readme v1\nMY LOCAL EDIT\n');
  expect(fx.read('notes.txt')).toBe('MY UNTRACKED NOTES\n');
  expect(git(fx.checkout, 'stash', 'list')).toBe('');
  return (await new UpdateJournal(fx.dataDir).entries()).at(-1)?.savedChanges;
}
