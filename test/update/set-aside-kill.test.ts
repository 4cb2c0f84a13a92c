// A real update process SIGKILLed right after `git stash push` set the user's edits aside, before the
// journal recorded the stash: the next start must put the edits back (or say where they are).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { bootPutsEditsBack } from './edits-back.js';
import { Fixture } from './fixture.js';
import { killAt } from './kill-at.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

async function updateKilledAfterStash(): Promise<void> {
  await killAt(fx, 'update', { git: '* stash push *', when: 'after' });
}

it('the edits are back in the tree after the next start, and the journal records the stash as re-applied', async () => {
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
  fx.publish('Version 2', { 'version.txt': 'v2' });

  await updateKilledAfterStash();
  const killed = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
  expect(killed).toMatchObject({ outcome: 'running', savedChanges: null });
  expect(killed?.steps.find((s) => s.step === 'save-local-changes')?.status).toBe('running');
  expect(existsSync(join(fx.checkout, 'notes.txt'))).toBe(false);

  expect(await bootPutsEditsBack(fx)).toMatchObject({ state: 'reapplied' });
}, 60_000);
