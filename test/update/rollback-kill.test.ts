// A real update whose self-test fails, SIGKILLed at each point of its rollback (reset to the old commit,
// rebuild, re-applying the user's stash, restoring settings): the next start must leave the old version
// built and bootable, every edit of the user's in the tree or in a stash the journal names, and the
// settings as they were before the update.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { type Fixture as FixtureType, Fixture } from './fixture.js';
import { describePoint, expectNamedStashHolding, killAt, nextStartBringsBackOldVersion, withFrom, type KillPoint } from './kill-at.js';

let fx: FixtureType;
beforeEach(() => {
  fx = new Fixture();
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\nMY LOCAL EDIT\n');
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
  fx.publish('Version 2', {
    'version.txt': 'v2',
    // The new build migrates the settings; its self-test edits a tracked file (as a user trying a fix
    // would while the update runs), then fails: the update rolls back.
    'scripts/build.mjs': `import { writeFileSync, mkdirSync } from 'node:fs';
mkdirSync('out', { recursive: true });
writeFileSync('../data/settings.json', JSON.stringify({ migratedBy: 'v2' }));
writeFileSync('out/build.txt', 'built v2');
`,
    'scripts/selftest.mjs': `import { writeFileSync } from 'node:fs';
writeFileSync('version.txt', 'EDITED DURING THE UPDATE\\n');
console.error('self-test failed');
process.exit(1);
`,
  });
});
afterEach(() => fx.cleanup());

// `FROM` stands for the old commit's sha (the update's own reset goes to the new one).
const POINTS: [string, KillPoint][] = [
  // Setting aside the file edited during the update, before the reset would overwrite it.
  ['before the edits made during the update are stashed', { git: '* stash push *edits made during an update*', when: 'before' }],
  ['after they are stashed, before the journal names the stash', { git: '* stash push *edits made during an update*', when: 'after' }],
  ['after the reset to the old commit, before the rebuild', { git: '* reset --hard FROM *', when: 'after' }],
  ['after the rebuild, before the saved edits are applied', { git: '* stash apply --index *', when: 'before' }],
  ['after the saved edits are applied, before their stash is dropped', { git: '* stash apply --index *', when: 'after' }],
  ['after the stash is dropped, before the settings are restored', { git: '* stash drop *', when: 'after' }],
  ['after the settings are restored, the journal still running', { pause: 'rolled-back' }],
];


it.each(POINTS)('killed %s: the next start leaves the old version bootable, every edit reachable and named, the settings intact', async (_name, at) => {
  const point = withFrom(fx, at);
  await killAt(fx, 'update', point);
  const killed = (await new UpdateJournal(fx.dataDir).entries()).at(-1);
  expect(killed?.outcome, describePoint(point)).toBe('running');
  expect(killed?.steps.find((s) => s.step === 'rollback')?.status).toBe('running');

  await nextStartBringsBackOldVersion(fx, point, 7001);
  // The file edited during the update: in a stash the journal names, with the command the panel shows.
  await expectNamedStashHolding(fx, killed!.id, 'EDITED DURING THE UPDATE', point);
}, 40_000);
