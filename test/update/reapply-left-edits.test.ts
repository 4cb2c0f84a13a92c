// Edits an update set aside, the process that vouched for the new version killed before it put them back:
// the next start puts them back (boot.ts reapplyLeftEdits), once, and only onto the version that update
// installed (a helper's review of the first version: two copies starting together applied them twice and
// lost them; an old entry's stash, applied and thrown away by hand, came back onto a later checkout).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { Fixture, git } from './fixture.js';

const EDITED = 'readme v1\nMY LOCAL EDIT\n';
let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
  writeFileSync(join(fx.checkout, 'README.md'), EDITED);
  writeFileSync(join(fx.checkout, 'notes.txt'), 'MY UNTRACKED NOTES\n');
});
afterEach(() => fx.cleanup());

const stashes = () => git(fx.checkout, 'stash', 'list', '--format=%H').split('\n').filter(Boolean);
const boot = (pid: number) => bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config: createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') }), pid });

/** Updated to v2, its boot counted, then the process that vouched for it killed before it tried the edits. */
async function killedBeforeEdits(): Promise<string> {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  const result = await runUpdate(fx.context({ autoRestartService: true }));
  expect(result.outcome).toBe('restarting');
  const sha = result.savedChanges!.sha;
  expect((await boot(7001)).outcome).toBe('watching');
  await new UpdateJournal(fx.dataDir).completeAfterRestart(true);
  expect(stashes()).toContain(sha);
  return sha;
}

it('two copies of the app starting at once (the service and the desktop app): the edits are in the tree or in the stash', async () => {
  const sha = await killedBeforeEdits();
  await Promise.all([boot(7002), boot(7003)]);
  const inTree = fx.read('README.md') === EDITED && fx.read('notes.txt') === 'MY UNTRACKED NOTES\n';
  expect(inTree || stashes().includes(sha), `tree: ${JSON.stringify(fx.read('README.md'))}, stashes: ${stashes().join(',')}`).toBe(true);
}, 60_000);

it('the user applied the stash by hand (the command the app gives), committed, then took the line out: not put back at the next start', async () => {
  const sha = await killedBeforeEdits();
  git(fx.checkout, 'stash', 'apply', sha);
  git(fx.checkout, 'add', '-A');
  git(fx.checkout, 'commit', '-qm', 'my edits');
  writeFileSync(join(fx.checkout, 'README.md'), 'readme v1\n');
  git(fx.checkout, 'commit', '-qam', 'the edit was a mistake');
  // Any later start (nothing pending): the tree is clean and the stash still listed.
  await boot(7002);
  expect(fx.read('README.md')).toBe('readme v1\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
}, 60_000);

it('an old success entry (no state: what every update before 7177c82 left), the stash applied by hand then thrown away: not put back onto a later checkout', async () => {
  const sha = await killedBeforeEdits();
  // The panel's command, then the user decides against the edits; the stash stays listed (apply, not pop).
  git(fx.checkout, 'stash', 'apply', sha);
  git(fx.checkout, 'checkout', '--', '.');
  git(fx.checkout, 'clean', '-fdq');
  // Later the checkout is moved on by hand (a git pull to a newer version), no update through the app.
  const v3 = fx.publish('Version 3', { 'version.txt': 'v3' });
  git(fx.checkout, 'fetch', '-q');
  git(fx.checkout, 'reset', '-q', '--hard', v3);
  await boot(7002);
  expect(fx.head()).toBe(v3);
  expect(git(fx.checkout, 'status', '--porcelain'), 'edits thrown away by hand long ago applied onto v3').toBe('');
}, 60_000);
