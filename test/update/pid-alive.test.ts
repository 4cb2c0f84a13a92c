// A process killed while its parent is gone (a successor after a handover) stays a zombie until its new
// parent reaps it — and some init processes (in containers) reap late or never. A zombie runs nothing:
// boot must not take its journal entry for an update still running elsewhere.
import { afterEach, expect, it } from 'vitest';
import { decideBoot } from '../../electron/core/update/boot-decision.js';
import { pidAlive } from '../../electron/core/pid-alive.js';
import type { JournalEntry } from '../../electron/core/update/journal.js';
import { makeZombie, type Zombie } from '../helpers/zombie.js';

let held: Zombie | null = null;
afterEach(() => {
  held?.release();
  held = null;
});

async function zombie(): Promise<number> {
  held = await makeZombie();
  return held.pid;
}

it('a zombie is not alive; a live process and this one are', async () => {
  const pid = await zombie();
  expect(() => process.kill(pid, 0)).not.toThrow(); // what kill(pid, 0) alone would have believed
  expect(pidAlive(pid)).toBe(false);
  expect(pidAlive(held!.holder.pid!)).toBe(true);
  expect(pidAlive(process.pid)).toBe(true);
});

it('an update entry whose process is a zombie is recovered at boot, not left to "another process"', async () => {
  const pid = await zombie();
  const entry = { pid, outcome: 'running', startedAt: new Date().toISOString(), steps: [{ step: 'self-test', status: 'running' }] } as unknown as JournalEntry;
  expect(decideBoot(entry, { pid: process.pid, nowMs: Date.now(), isAlive: pidAlive })).toMatchObject({ action: 'recover', step: 'self-test' });
});
