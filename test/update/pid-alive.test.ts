// A process killed while its parent is gone (a successor after a handover) stays a zombie until its new
// parent reaps it — and some init processes (in containers) reap late or never. A zombie runs nothing:
// boot must not take its journal entry for an update still running elsewhere.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { decideBoot, pidAlive } from '../../electron/core/update/boot-decision.js';
import type { JournalEntry } from '../../electron/core/update/journal.js';

let holder: ReturnType<typeof spawn> | null = null;
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
});

/** A real zombie: `sh` starts a child that exits shortly, then becomes `sleep`, which never reaps it. */
async function zombie(): Promise<number> {
  holder = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  holder.on('error', () => undefined);
  const pid = await new Promise<number>((resolve) => holder!.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  const state = () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  };
  const deadline = Date.now() + 5000;
  while (state() !== 'Z') {
    if (Date.now() > deadline) throw new Error(`pid ${pid} never became a zombie (state ${state()})`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return pid;
}

it('a zombie is not alive; a live process and this one are', async () => {
  const pid = await zombie();
  expect(() => process.kill(pid, 0)).not.toThrow(); // what kill(pid, 0) alone would have believed
  expect(pidAlive(pid)).toBe(false);
  expect(pidAlive(holder!.pid!)).toBe(true);
  expect(pidAlive(process.pid)).toBe(true);
});

it('an update entry whose process is a zombie is recovered at boot, not left to "another process"', async () => {
  const pid = await zombie();
  const entry = { pid, outcome: 'running', startedAt: new Date().toISOString(), steps: [{ step: 'self-test', status: 'running' }] } as unknown as JournalEntry;
  expect(decideBoot(entry, { pid: process.pid, nowMs: Date.now(), isAlive: pidAlive })).toMatchObject({ action: 'recover', step: 'self-test' });
});
