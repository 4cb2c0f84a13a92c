// Boot recovery after an update killed mid-way (checkout already at the new commit), itself SIGKILLed at
// each of its points (edits found in the checkout set aside, reset to the old commit, rebuild, the saved
// edits applied, their stash dropped, settings restored): the start after that must finish the recovery,
// with the old version built and bootable, every edit in the tree or in a stash the journal names, and
// the settings as before the update.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { Fixture } from './fixture.js';
import { describePoint, expectNamedStashHolding, killAt, nextStartBringsBackOldVersion, withFrom, type KillPoint } from './kill-at.js';

let fx: Fixture;
let v2 = '';
beforeEach(async () => {
  fx = new Fixture();
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
  v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
  // The update dies right after its reset: the checkout at v2, its build still v1's, the edits in a stash.
  await killAt(fx, 'update', { git: '* reset --hard *', when: 'after' });
  expect(fx.head()).toBe(v2);
  // Whatever the dead update's new version did to the settings (a migration), and someone trying a fix.
  writeFileSync(fx.settingsFile, JSON.stringify({ migratedBy: 'v2' }));
  writeFileSync(join(fx.checkout, 'version.txt'), 'HAND FIX\n');
});
afterEach(() => fx.cleanup());

// `FROM` stands for the old commit's sha.
const POINTS: [string, KillPoint][] = [
  ['before the edits found in the checkout are stashed', { git: '* stash push --include-untracked *', when: 'before' }],
  ['after they are stashed, before the journal names the stash', { git: '* stash push --include-untracked *', when: 'after' }],
  ['after the reset to the old commit, before the rebuild', { git: '* reset --hard FROM *', when: 'after' }],
  ['after the rebuild, before the saved edits are applied', { git: '* stash apply --index *', when: 'before' }],
  ['after the saved edits are applied, before their stash is dropped', { git: '* stash apply --index *', when: 'after' }],
  ['after the stash is dropped, before the settings are restored', { git: '* stash drop *', when: 'after' }],
  ['after the settings are restored, the journal still running', { pause: 'recovered' }],
];


it.each(POINTS)('boot recovery killed %s: the next start finishes it; old version bootable, every edit reachable and named, settings intact', async (_name, at) => {
  const point = withFrom(fx, at);
  const id = (await new UpdateJournal(fx.dataDir).entries()).at(-1)!.id;
  await killAt(fx, 'boot', point);
  expect((await new UpdateJournal(fx.dataDir).get(id))?.outcome, describePoint(point)).toBe('running');

  await nextStartBringsBackOldVersion(fx, point, 7003);

  await expectNamedStashHolding(fx, id, 'HAND FIX', point);
}, 40_000);
