// Runs one phase of the real update code (an update, a boot, a boot then markHealthy) in a child process
// and SIGKILLs it at a chosen point: just before or just after a matching git command (a `git` first on
// PATH marks the moment and hangs), or at a pause point (pause-point.ts).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import type { PausePoint } from '../../electron/core/update/pause-point.js';
import { describeSetAside, toLastUpdate } from '../../electron/core/update-view.js';
import { APP_DIR } from '../helpers/world.js';
import { killOnceReached } from '../helpers/kill-child.js';
import { git, type Fixture } from './fixture.js';

/** `boot-release`: a boot in release mode (no commands: nothing rebuilt, `current` switched instead). */
export type Phase = 'update' | 'boot' | 'boot-release' | 'healthy';

export type KillPoint =
  /** `sh` case pattern (no quotes: spaces are literal) matched against ` <git args> `, e.g. `* stash drop *`. */
  | { git: string; when: 'before' | 'after' }
  | { pause: PausePoint };

export const describePoint = (p: KillPoint): string => ('git' in p ? `${p.when} git ${p.git}` : `at pause point ${p.pause}`);

const CHILD = (phase: Phase) =>
  [
    `import { Fixture } from ${JSON.stringify(join(APP_DIR, 'test/update/fixture.ts'))};`,
    `import { runUpdate } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/pipeline.ts'))};`,
    `import { bootCheck, markHealthy } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/boot.ts'))};`,
    `import { createFileConfigBackup } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/config-backup.ts'))};`,
    'const fx = Object.assign(Object.create(Fixture.prototype), JSON.parse(process.argv[2])) as Fixture;',
    'fx.events = [];',
    // A fresh process: the settings port knows no snapshot but the journal's, as at a real start.
    "const config = createFileConfigBackup({ files: [fx.settingsFile], backupDir: fx.dataDir + '/backups' });",
    ({
      // What it ended with, for the error when the kill point was never met.
      update: 'const r = await runUpdate(fx.context()); process.stdout.write(JSON.stringify({ outcome: r.outcome, message: r.message }));',
      boot: 'await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config });',
      'boot-release': 'await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, config, releases: true, runningBuildDir: null });',
      healthy: [
        'const boot = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config });',
        "if (boot.outcome !== 'watching') throw new Error('expected to boot the new version on probation, got ' + boot.outcome);",
        'await markHealthy({ dataDir: fx.dataDir, appDir: fx.checkout });',
      ].join('\n'),
    } as const)[phase],
    // Reaching the end means the kill point was never met: the test fails on that.
    "process.stdout.write('finished');",
  ].join('\n');

/** A `git` that runs the real one, and before/after a command matching the pattern marks the moment and hangs. */
function stoppingGit(fx: Fixture): string {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = join(fx.root, 'kill-bin');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'git');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'hit=0',
      // Unquoted: the variable is a pattern, not a literal.
      'if [ -n "$DM_KILL_GIT" ]; then case " $* " in $DM_KILL_GIT) hit=1 ;; esac; fi',
      'if [ $hit = 1 ] && [ "$DM_KILL_WHEN" = before ]; then : > "$DM_KILL_MARKER"; sleep 60; fi',
      `"${realGit}" "$@"; rc=$?`,
      'if [ $hit = 1 ] && [ "$DM_KILL_WHEN" = after ]; then : > "$DM_KILL_MARKER"; sleep 60; fi',
      'exit $rc',
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return dir;
}

/** Runs `phase` on the fixture in a child and SIGKILLs its whole process group once `point` is reached. */
export async function killAt(fx: Fixture, phase: Phase, point: KillPoint): Promise<void> {
  const marker = join(fx.root, `kill-${Date.now()}`);
  const pauseDir = join(fx.root, 'pause');
  mkdirSync(pauseDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${stoppingGit(fx)}:${process.env.PATH ?? ''}` };
  let reached: string;
  if ('git' in point) {
    Object.assign(env, { DM_KILL_GIT: point.git, DM_KILL_WHEN: point.when, DM_KILL_MARKER: marker });
    reached = marker;
  } else {
    writeFileSync(join(pauseDir, point.pause), '');
    env.DISCORD_MONITOR_PAUSE_DIR = pauseDir;
    reached = join(pauseDir, `${point.pause}.reached`);
  }
  const script = join(fx.root, `kill-child-${phase}.ts`);
  writeFileSync(script, CHILD(phase));
  const state = { root: fx.root, checkout: fx.checkout, dataDir: fx.dataDir, settingsFile: fx.settingsFile, commands: fx.commands, v1: fx.v1 };
  // Own process group: the kill takes the child and its hanging git (or build) together.
  await killOnceReached(script, [JSON.stringify(state)], reached, `the ${phase} child never got ${describePoint(point)}`, env);
}

/** `FROM` in a kill point's git pattern stands for the old commit's sha. */
export const withFrom = (fx: Fixture, at: KillPoint): KillPoint => ('git' in at ? { ...at, git: at.git.replace('FROM', fx.v1) } : at);

/**
 * Exactly one stash the journal names for update `id` holds `version.txt` = `content`; every stash it
 * names exists, and the panel's command and the log's sentence apply that one.
 */
export async function expectNamedStashHolding(fx: Fixture, id: string, content: string, point: KillPoint): Promise<void> {
  const aside = toLastUpdate((await new UpdateJournal(fx.dataDir).get(id))!, []).setAside;
  const told = [aside?.recovered, ...(aside?.moreRecovered ?? [])].filter((s) => !!s);
  const stashes = git(fx.checkout, 'stash', 'list', '--format=%H').split('\n').filter(Boolean);
  for (const stash of told) expect(stashes, 'every stash named is there').toContain(stash.sha);
  const holding = told.filter((s) => git(fx.checkout, 'show', `${s.sha}:version.txt`) === content);
  expect(holding, `${describePoint(point)}: no stash the journal names holds "${content}"`).toHaveLength(1);
  expect(holding[0]?.command).toBe(`git stash apply ${holding[0]?.sha}`);
  expect(describeSetAside(aside ?? null).join('\n')).toContain(holding[0]!.command);
}

/** The settings file as the fixture's tests write it before the update. */
export const KILL_SETTINGS = JSON.stringify({ guildId: '123456789012345678' });

/**
 * The next start after a kill, as the app does it (a fresh process: its settings port knows no snapshot
 * of its own), in place: the old commit with its own build passing its self-test, the settings as before
 * the update, the edits from before it back in the tree.
 */
export async function nextStartBringsBackOldVersion(fx: Fixture, point: KillPoint, pid: number): Promise<void> {
  const config = createFileConfigBackup({ files: [fx.settingsFile], backupDir: join(fx.dataDir, 'backups') });
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, config, pid });
  expect(report.outcome, `${describePoint(point)}: ${report.log.join('\n')}`).toBe('interrupted');
  expect(fx.head()).toBe(fx.v1);
  expect(fx.read('out/build.txt')).toBe('built v1');
  execFileSync(process.execPath, ['scripts/selftest.mjs'], { cwd: fx.checkout, stdio: 'ignore' });
  expect(readFileSync(fx.settingsFile, 'utf8'), describePoint(point)).toBe(KILL_SETTINGS);
  expect(fx.read('README.md')).toBe('readme v1\nMY LOCAL EDIT\n');
  expect(fx.read('notes.txt')).toBe('MY UNTRACKED NOTES\n');
}
