// What the user keeps in the checkout outlives an update, whichever way it ends (found by an outside
// review, each red before its fix):
// - a file the old .gitignore ignored and the new one does not (stash -u skips ignored files, and the
//   `git clean -fd` after the reset deleted it under the new rules);
// - what was staged: the stash came back without --index, then was dropped (the staged version gone);
// - edits made while the update ran (a long install or build): the rollback's reset wiped them;
// - a notice the running app wrote meanwhile: restore-config put the pre-update notices.json back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootCheck, markHealthy } from '../../electron/core/update/boot.js';
import { appConfigFiles, createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import type { StepEvent } from '../../electron/core/update/types.js';
import { Fixture, git } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

/** Updates to what was published; a success is then started and marked healthy, as the new version would. */
async function update(overrides: Parameters<Fixture['context']>[0] = {}) {
  const result = await runUpdate(fx.context({ autoRestartService: true, ...overrides }));
  if (result.outcome === 'restarting') {
    await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 5001 });
    await markHealthy({ appDir: fx.checkout, dataDir: fx.dataDir, pid: 5001 });
  }
  return result;
}

/** Calls `act` once, when `step` starts running (the user at work while the update runs). */
const when = (step: string, act: () => void) => {
  let done = false;
  return (e: StepEvent) => {
    fx.events.push(e);
    if (e.step === step && e.status === 'running' && !done) {
      done = true;
      act();
    }
  };
};

/** The stash named in the run's log lines ("git stash apply <sha>"), applied in a clean tree. */
function applyNamedStash(lines: string[]): void {
  const sha = lines.join('\n').match(/git stash apply ([0-9a-f]{40})/)?.[1];
  expect(sha, lines.join('\n')).toBeDefined();
  git(fx.checkout, 'stash', 'apply', sha!);
}

describe.each([
  ['succeeds', false],
  ['fails', true],
] as const)('an update that %s', (_, fails) => {
  const publish = (extra: Record<string, string> = {}) => fx.publish('Version 2', { 'version.txt': 'v2', ...extra, ...(fails ? { BREAK_BUILD: 'x' } : {}) });

  it(`${fails ? 'fails' : 'succeeds'}: a file only the old .gitignore ignored is still there`, async () => {
    fx.publish('Ignore local files', { '.gitignore': 'node_modules/\nout/\ndata/\n*.local\n' });
    git(fx.checkout, 'pull', '-q');
    writeFileSync(join(fx.checkout, 'settings.local'), 'my own local config\n');
    publish({ '.gitignore': 'node_modules/\nout/\ndata/\n' });
    expect((await update()).outcome).toBe(fails ? 'rolled-back' : 'restarting');
    expect(fx.read('settings.local')).toBe('my own local config\n');
  });

  it(`${fails ? 'fails' : 'succeeds'}: what was staged is staged again, the rest as it was`, async () => {
    writeFileSync(join(fx.checkout, 'README.md'), 'staged version\n');
    git(fx.checkout, 'add', 'README.md');
    writeFileSync(join(fx.checkout, 'README.md'), 'working version\n');
    writeFileSync(join(fx.checkout, 'new.txt'), 'a new staged file\n');
    git(fx.checkout, 'add', 'new.txt');
    const staged = git(fx.checkout, 'diff', '--cached', '--', 'README.md');
    publish();
    await update();
    expect(git(fx.checkout, 'diff', '--cached', '--', 'README.md')).toBe(staged);
    expect(git(fx.checkout, 'diff', '--cached', '--name-only')).toBe('README.md\nnew.txt');
    expect(fx.read('README.md')).toBe('working version\n');
  });

  it(`${fails ? 'fails' : 'succeeds'}: a notice the running app writes meanwhile is kept`, async () => {
    const notices = join(fx.dataDir, 'notices.json');
    writeFileSync(notices, '[]');
    const config = createFileConfigBackup({ files: appConfigFiles({ settingsFile: fx.settingsFile, dataDir: fx.dataDir, appDir: fx.checkout }), backupDir: join(fx.dataDir, 'backups') });
    publish();
    await update({ config, stopBot: 'late', onEvent: when('fetch', () => writeFileSync(notices, '[{"id":"b","message":"raised during the update"}]')) });
    expect(readFileSync(notices, 'utf8')).toContain('raised during the update');
  });
});

describe('edits made while the update runs', () => {
  it('a file written during the fetch is still there after the update', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2' });
    await update({ onEvent: when('fetch', () => writeFileSync(join(fx.checkout, 'todo.txt'), 'written during the fetch\n')) });
    expect(fx.read('todo.txt')).toBe('written during the fetch\n');
  });

  it('a tracked file edited during the fetch is not overwritten: the update stops and says where the edit went', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2', 'README.md': 'upstream readme\n' });
    const result = await update({ onEvent: when('fetch', () => writeFileSync(join(fx.checkout, 'README.md'), 'edited during the fetch\n')) });
    expect(result.outcome).toBe('rolled-back');
    applyNamedStash(fx.logOf('rollback'));
    expect(fx.read('README.md')).toBe('edited during the fetch\n');
  });

  it('edits made during a build that fails are set aside before the rollback, and it says where', async () => {
    fx.publish('Version 2', { 'version.txt': 'v2', BREAK_BUILD: 'x' });
    const result = await update({
      onEvent: when('build', () => {
        writeFileSync(join(fx.checkout, 'README.md'), 'edited while it built\n');
        writeFileSync(join(fx.checkout, 'todo.txt'), 'new while it built\n');
      }),
    });
    expect(result.outcome).toBe('rolled-back');
    expect(fx.read('todo.txt')).toBe('new while it built\n');
    expect(fx.read('README.md')).not.toBe('edited while it built\n');
    applyNamedStash(fx.logOf('rollback'));
    expect(fx.read('README.md')).toBe('edited while it built\n');
  });
});
