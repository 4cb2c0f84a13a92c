// Boot recovery after a process died mid-update, with real git: a stale index.lock left by a killed
// git, messages that say what really happened, and no internal text in the user's log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bootCheck } from '../../electron/core/update/boot.js';
import { UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { Fixture, git } from './fixture.js';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

let fx: Fixture;
let holder: ChildProcess | null = null;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => {
  if (holder && holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
  fx.cleanup();
});

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A real git holding the index lock: update-index --stdin keeps it until its stdin closes. */
async function gitHoldingIndexLock(): Promise<ChildProcess> {
  const child = spawn('git', ['update-index', '--add', '--stdin'], { cwd: fx.checkout, stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  await until('git to take .git/index.lock', () => existsSync(lockFile()));
  return child;
}
const lockFile = () => join(fx.checkout, '.git', 'index.lock');

/** A journal entry as a process killed during `git reset --hard` leaves it, with the checkout half reset. */
async function killedDuringReset(): Promise<{ id: string; v2: string }> {
  const v2 = fx.publish('Version 2', { 'version.txt': 'v2', 'README.md': null });
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.patch(e.id, { to: v2 });
  for (const step of ['backup-config', 'save-local-changes', 'fetch'] as const) await journal.recordStep(e.id, { step, status: 'done', durationMs: 1 });
  await journal.recordStep(e.id, { step: 'reset', status: 'running', durationMs: 0 });
  git(fx.checkout, 'fetch', '-q', 'origin');
  rmSync(join(fx.checkout, 'README.md')); // the half-done reset had already deleted a tracked file
  return { id: e.id, v2 };
}

it('removes a stale index.lock left by a killed git, then brings the checkout back to the old commit', async () => {
  const { id } = await killedDuringReset();
  holder = await gitHoldingIndexLock();
  holder.kill('SIGKILL');
  await until('git to die', () => holder?.signalCode === 'SIGKILL');
  expect(existsSync(lockFile())).toBe(true);

  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(report.outcome).toBe('interrupted');
  expect(report.log.join('\n')).toContain('Removed a stale .git/index.lock');
  expect(existsSync(lockFile())).toBe(false);
  expect(fx.head()).toBe(fx.v1);
  expect(fx.read('README.md')).toBe('readme v1\n');
  expect(git(fx.checkout, 'status', '--porcelain')).toBe('');
  // A later update works.
  expect((await runUpdate(fx.context())).outcome).toBe('restart-needed');
  expect((await new UpdateJournal(fx.dataDir).get(id))?.outcome).toBe('interrupted');
});

it('leaves an index.lock alone while a git process holds it, and says which', async () => {
  await killedDuringReset();
  holder = await gitHoldingIndexLock();
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(report.outcome).toBe('failed');
  expect(report.message).toContain(`git process ${holder.pid} holds`);
  expect(existsSync(lockFile())).toBe(true);
});

it('the interrupted-update message names the step that was running', async () => {
  const { id } = await killedDuringReset();
  // Steps recorded after the running one (a late stop-bot's pending record) must not be named instead.
  await new UpdateJournal(fx.dataDir).recordStep(id, { step: 'stop-bot', status: 'pending', durationMs: 0 });
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(report.message).toContain('during step “Update the code”');
  const entry = await new UpdateJournal(fx.dataDir).get(id);
  expect(entry).toMatchObject({ outcome: 'interrupted', failedStep: 'reset' });
  expect(toLastUpdate(entry!, []).message).toContain('interrupted during step “Update the code”');
});

it('says "rebuilt" only when it rebuilt', async () => {
  const journal = new UpdateJournal(fx.dataDir);
  const e = await journal.begin({ from: fx.v1, pid: deadPid() });
  await journal.recordStep(e.id, { step: 'backup-config', status: 'running', durationMs: 0 });
  writeFileSync(join(fx.checkout, 'out', 'build.txt'), 'sentinel');
  const untouched = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(untouched.outcome).toBe('interrupted');
  expect(untouched.message).not.toContain('rebuilt');
  expect(fx.read('out/build.txt')).toBe('sentinel');

  const { id } = await killedDuringReset();
  const moved = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(moved.message).toContain('rebuilt');
  expect(fx.read('out/build.txt')).toBe('built v1');
  expect((await journal.get(id))?.outcome).toBe('interrupted');
});

it("the watchdog's internal instructions never reach the user's log", async () => {
  fx.publish('Version 2', { 'version.txt': 'v2' });
  await runUpdate(fx.context({ autoRestartService: true }));
  const lines: string[] = [];
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands, pid: 3001, onLog: (l) => lines.push(l) });
  expect(report.outcome).toBe('watching');
  expect(lines.join('\n')).not.toMatch(/markHealthy|Booting new version/);
  expect(lines.join('\n')).toMatch(/Starting the new version \w{7}/);
});

it('edits found in the checkout during recovery are stashed, journalled and shown with the command to get them back', async () => {
  const { id } = await killedDuringReset();
  writeFileSync(join(fx.checkout, 'version.txt'), 'someone trying a fix\n');
  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(report.outcome).toBe('interrupted');
  const entry = await new UpdateJournal(fx.dataDir).get(id);
  const sha = entry?.recoveredEdits?.sha;
  if (!sha) throw new Error('the recovered edits were not journalled');
  expect(git(fx.checkout, 'show', `${sha}:version.txt`)).toBe('someone trying a fix');
  expect(toLastUpdate(entry!, []).setAside?.recovered).toEqual({ sha, command: `git stash apply ${sha}` });
});
