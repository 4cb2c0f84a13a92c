// A real zombie process: `sh` starts a child that exits shortly, then becomes `sleep`, which never
// reaps it. kill(pid, 0) still succeeds on a zombie, though it runs nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Zombie {
  pid: number;
  /** The live process holding the zombie (its parent). */
  holder: ChildProcess;
  release(): void;
}

export async function makeZombie(): Promise<Zombie> {
  const holder = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  holder.on('error', () => undefined);
  const pid = await new Promise<number>((resolve) => holder.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  const state = () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  };
  const deadline = Date.now() + 5000;
  while (state() !== 'Z') {
    if (Date.now() > deadline) throw new Error(`pid ${pid} never became a zombie (state ${state()})`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return { pid, holder, release: () => holder.kill('SIGKILL') };
}
