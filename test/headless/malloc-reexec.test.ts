// The headless entry's one-time re-exec (electron/headless/malloc-reexec.ts) in real child processes.
// Node removes NODE_CHANNEL_FD from process.env before the first module runs, so a child started with
// an IPC channel (a handover's successor, the desktop's standby check) looks like any other: an execve
// there dropped the channel, and the successor could never say it was ready.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'reexec-child.ts');
// No MALLOC_* in it: what a parent that runs untuned (an older version, Electron) hands its child.
const ENV = { PATH: process.env.PATH ?? '' };
const opts = { cwd: APP_DIR, env: ENV, execArgv: TS_NODE };
type Report = { pid: number; threshold: string | null };

/** The child's report, or why none came (its exit, its stderr) within the deadline. */
function reportOf(child: ChildProcess, how: 'ipc' | 'stdout'): Promise<Report> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += String(d)));
  child.stderr?.on('data', (d: Buffer) => (err += String(d)));
  return new Promise<Report>((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no report within 30 s; stderr: ${err}`))), 30_000);
    child.on('error', reject);
    if (how === 'ipc') child.once('message', (m) => (clearTimeout(timer), resolve(m as Report)));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (how === 'stdout' && code === 0) return resolve(JSON.parse(out) as Report);
      reject(new Error(`exited (${code ?? signal}) without a report over ${how}; stdout: ${out} stderr: ${err}`));
    });
  });
}

describe.runIf(process.platform === 'linux' && typeof process.execve === 'function')('malloc re-exec', { timeout: 40_000 }, () => {
  it('re-executes a plain start once, in place (same pid), with the tuning in its environment', async () => {
    const child = spawn(process.execPath, [...opts.execArgv, CHILD], { cwd: opts.cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(await reportOf(child, 'stdout')).toEqual({ pid: child.pid, threshold: '32768' });
  });

  it('leaves a child with an IPC channel as it is, so the channel still works', async () => {
    const child = fork(CHILD, [], { ...opts, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    expect(await reportOf(child, 'ipc')).toEqual({ pid: child.pid, threshold: null });
  });
});
