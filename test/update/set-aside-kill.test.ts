// A real update process SIGKILLed right after `git stash push` set the user's edits aside, before the
// journal recorded the stash: the next start must put the edits back (or say where they are).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { bootPutsEditsBack } from './edits-back.js';
import { Fixture } from './fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

/** A `git` first on PATH that runs the real one, then, after a `stash push`, marks the moment and hangs. */
function gitThatStopsAfterStash(marker: string): string {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = join(fx.root, 'bin');
  mkdirSync(dir);
  const script = join(dir, 'git');
  writeFileSync(
    script,
    `#!/bin/sh\n"${realGit}" "$@"; rc=$?\ncase " $* " in *" stash push "*) : > "${marker}"; sleep 60 ;; esac\nexit $rc\n`,
  );
  chmodSync(script, 0o755);
  return dir;
}

async function updateKilledAfterStash(): Promise<void> {
  const marker = join(fx.root, 'stashed');
  const bin = gitThatStopsAfterStash(marker);
  const child = join(fx.root, 'update-child.ts');
  writeFileSync(
    child,
    [
      `import { Fixture } from ${JSON.stringify(join(APP_DIR, 'test/update/fixture.ts'))};`,
      `import { runUpdate } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/pipeline.ts'))};`,
      'const fx = Object.assign(Object.create(Fixture.prototype), JSON.parse(process.argv[2])) as Fixture;',
      'fx.events = [];',
      'await runUpdate(fx.context());',
    ].join('\n'),
  );
  const state = { root: fx.root, checkout: fx.checkout, dataDir: fx.dataDir, settingsFile: fx.settingsFile, commands: fx.commands };
  // Own process group: the kill takes the update and its hanging git together.
  const proc = spawn(process.execPath, [...TS_NODE, child, JSON.stringify(state)], {
    cwd: APP_DIR,
    detached: true,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  proc.on('error', () => undefined);
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += String(d)));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 30_000;
  while (!existsSync(marker)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`the update never reached its stash:\n${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.kill(-(proc.pid as number), 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
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
