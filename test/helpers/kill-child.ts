// Runs a TypeScript script in a child process that marks a moment (writes `marker`, then blocks) and SIGKILLs it
// there: a real kill at a chosen instant of code that writes state. The script gets `marker` as its first argument.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TS_NODE } from './ts-node.js';
import { APP_DIR } from './world.js';

/** The child's way to mark its moment and wait there for the kill (paste into the script). */
export const STOP_HERE = `const stop = () => { process.getBuiltinModule('node:fs').writeFileSync(process.argv[2], ''); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); };`;

/** Writes `source` to `dir/<name>.ts`, runs it with `args` after the marker, and kills it once the marker exists. */
export async function killChildAt(dir: string, name: string, source: string, args: readonly string[] = []): Promise<void> {
  const marker = join(dir, `reached-${name}`);
  const script = join(dir, `child-${name}.ts`);
  writeFileSync(script, source);
  await killOnceReached(script, [marker, ...args], marker, `child never reached ${name}`);
}

/**
 * Runs the TypeScript `script` in its own process group and SIGKILLs the group (the child and whatever it started)
 * once `reached` exists. Throws `never` with the child's output when it ends or 30 s pass first.
 */
export async function killOnceReached(script: string, args: readonly string[], reached: string, never: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const proc = spawn(process.execPath, [...TS_NODE, script, ...args], { cwd: APP_DIR, detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.on('error', () => undefined);
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += String(d)));
  proc.stderr.on('data', (d: Buffer) => (out += String(d)));
  const exited = new Promise<NodeJS.Signals | null>((r) => proc.once('exit', (_c, sig) => r(sig)));
  const deadline = Date.now() + 30_000;
  while (!existsSync(reached)) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      if (proc.exitCode === null) process.kill(-(proc.pid as number), 'SIGKILL');
      throw new Error(`${never}:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  process.kill(-(proc.pid as number), 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
}
