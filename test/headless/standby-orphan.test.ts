// Invariant 3 (a crash at any instant leaves a bootable app): a successor in standby holds the panel's
// listening socket, so when the running version is killed (kill -9) it must stand down by itself —
// also when the kill lands while it is still loading, before it could say "ready".
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TS_NODE } from '../helpers/ts-node.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
let leftover: number | null = null;
afterEach(() => {
  if (leftover && alive(leftover)) process.kill(leftover, 'SIGKILL');
  leftover = null;
});

async function orphanAfterParentKill(loadMs: number): Promise<number> {
  const parent = spawn(process.execPath, [...TS_NODE, join(FIXTURES, 'doomed-parent.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOAD_MS: String(loadMs) },
  });
  const pid = await new Promise<number>((resolve, reject) => {
    parent.stdout.on('data', (d: Buffer) => {
      const m = /child (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    parent.once('exit', () => reject(new Error('parent exited early')));
  });
  leftover = pid;
  parent.kill('SIGKILL');
  return pid;
}

async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

describe('a successor in standby whose running version is killed', () => {
  it('stands down when the kill lands while it is still loading', async () => {
    const pid = await orphanAfterParentKill(1500);
    expect(await exitsWithin(pid, 10_000)).toBe(true);
  });

  it('stands down when the kill lands after it said ready', async () => {
    const pid = await orphanAfterParentKill(0);
    expect(await exitsWithin(pid, 10_000)).toBe(true);
  });
});
