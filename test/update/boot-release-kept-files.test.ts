// Release mode: an update killed after its reset, where the old version has no release to switch back to
// (the first update out of a plain build), is recovered onto the new version, which keeps running. The
// user's ignored files that the new version ships were copied aside before the reset and, on this
// version, are not put back: the log said where they were, the panel's last-update note did not (it hid
// replaced files after every interrupted update, as if always put back).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { releaseDir } from '../../electron/core/update/release-layout.js';
import { replacedFilesDir } from '../../electron/core/update/replaced-files.js';
import { installLaunchers, switchCurrent } from '../../electron/core/update/switch.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { Fixture, git } from './fixture.js';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;
let fx: Fixture;
afterEach(() => fx.cleanup());

beforeEach(() => {
  fx = new Fixture();
  appendFileSync(join(fx.checkout, '.git', 'info', 'exclude'), '/.releases/\n/.vite/\n/config/\n');
  mkdirSync(join(fx.checkout, 'config'), { recursive: true });
  writeFileSync(join(fx.checkout, 'config', 'local.json'), 'MY LOCAL CONFIG\n');
});

it('recovered onto the new version: the replaced files are kept aside, and the last update says where', async () => {
  // Version 2 ships config/local.json, which the user's checkout ignored.
  const v2 = fx.publish('Version 2 ships a config', { 'version.txt': 'v2', 'config/local.json': 'SHIPPED\n' });
  const journal = new UpdateJournal(fx.dataDir);
  const entry = await journal.begin({ from: fx.v1, pid: deadPid() });
  // What the update did before it was killed: the file copied aside, the reset, v2's release built and switched to.
  const aside = replacedFilesDir(fx.dataDir, entry.id);
  mkdirSync(join(aside, 'config'), { recursive: true });
  cpSync(join(fx.checkout, 'config', 'local.json'), join(aside, 'config', 'local.json'));
  await journal.patch(entry.id, { to: v2, replacedFiles: { dir: aside, files: ['config/local.json'], command: 'cp …' } });
  git(fx.checkout, 'fetch', '-q', 'origin');
  git(fx.checkout, 'reset', '-q', '--hard', v2);
  const release = releaseDir(fx.checkout, v2);
  mkdirSync(join(release, 'vite', 'build'), { recursive: true });
  writeFileSync(join(release, 'release.json'), JSON.stringify({ commit: v2, lockHash: 'x', builtAt: new Date().toISOString(), reused: [] }));
  switchCurrent(fx.checkout, v2);
  installLaunchers(fx.checkout);

  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, releases: true, runningBuildDir: join(release, 'vite', 'build') });
  expect(report.outcome, report.log.join('\n')).toBe('interrupted');
  expect(fx.head()).toBe(v2);
  // Not put back on the version that ships the file: kept aside, and the log says so.
  expect(readFileSync(join(fx.checkout, 'config', 'local.json'), 'utf8')).toBe('SHIPPED\n');
  expect(readFileSync(join(aside, 'config', 'local.json'), 'utf8')).toBe('MY LOCAL CONFIG\n');
  expect(report.log.join('\n')).toContain(aside);
  // The panel's last-update note says it too.
  const last = toLastUpdate((await journal.get(entry.id))!, []);
  expect(last.outcome).toBe('interrupted');
  expect(last.setAside?.replaced).toMatchObject({ dir: aside, files: ['config/local.json'] });
  expect(last.setAside?.replaced?.command).toContain(aside);
});
