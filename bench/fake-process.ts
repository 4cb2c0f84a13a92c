// Starts bench/fake-child.ts (the fake Discord in its own process) and talks to it over IPC.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { TS_NODE } from '../test/helpers/ts-node.js';

export interface FakeInfo {
  apiUrl: string;
  cdnUrl: string;
  ours: string;
  bare: string;
  /** A bot alone in its own guild (bench/live-ingest's floor). */
  floor: string;
  guildId: string;
  channelId: string;
  userId: string;
}

export async function startFakeProcess() {
  const dir = import.meta.dirname;
  const child = fork(join(dir, 'fake-child.ts'), [], { execArgv: TS_NODE, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('error', (err) => console.error(`fake Discord process: ${err.message}`));
  const waiting = new Map<number, (value: unknown) => void>();
  let next = 1;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake Discord process exited (${code})`)));
    child.on('message', (m: { ready?: true; id?: number; value?: unknown }) => {
      if (m.ready) resolve();
      else if (m.id !== undefined) waiting.get(m.id)?.(m.value);
    });
  });
  const ask = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, (v) => resolve(v as T));
      child.send({ id, op, ...args });
    });
  return {
    info: await ask<FakeInfo>('setup'),
    pid: child.pid,
    burst: (count: number, bare = false) => ask<string[]>('burst', { count, bare }),
    /** A burst in the floor bot's own guild. */
    floorBurst: (count: number) => ask<string[]>('burst', { count, floor: true }),
    history: (count: number, fromMs: number, toMs: number) => ask<string[]>('history', { count, fromMs, toMs }),
    requests: () => ask<Record<string, number>>('requests'),
    close: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill()))),
  };
}
