// A benchmark child process driven over IPC: requests carry an id, the child answers {id, value};
// the first message with `ready` resolves the start (with what it said).
import { fork } from 'node:child_process';

export interface IpcChild<Ready> {
  ready: Ready;
  pid: number | undefined;
  /** Rejects when the child gives no answer within `timeoutMs` (default 120 s). */
  ask<T>(op: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Ends the child (SIGTERM) and resolves once it exited. */
  close(): Promise<void>;
}

export async function forkChild<Ready>(script: string, args: string[], opts: { execArgv?: string[]; env?: NodeJS.ProcessEnv; readyWithinMs?: number } = {}): Promise<IpcChild<Ready>> {
  const child = fork(script, args, { execArgv: opts.execArgv ?? [], env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.on('error', (err) => console.error(`${script}: ${err.message}`));
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const w of waiting.values()) w.reject(new Error(`${script} exited:\n${out}`));
    waiting.clear();
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready within ${opts.readyWithinMs ?? 30_000} ms:\n${out}`)), opts.readyWithinMs ?? 30_000);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`)));
    child.on('message', (m: { ready?: unknown; id?: number; value?: unknown }) => {
      if (m.ready) {
        clearTimeout(timer);
        resolve(m as Ready);
      } else if (m.id !== undefined) {
        waiting.get(m.id)?.resolve(m.value);
        waiting.delete(m.id);
      }
    });
  });
  return {
    ready,
    pid: child.pid,
    ask: <T>(op: string, args: Record<string, unknown> = {}, timeoutMs = 120_000) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => (waiting.delete(id), reject(new Error(`${script}: no answer to ${op} within ${timeoutMs} ms:\n${out}`))), timeoutMs);
        waiting.set(id, { resolve: (v) => (clearTimeout(timer), resolve(v as T)), reject: (e) => (clearTimeout(timer), reject(e)) });
        child.send({ id, op, ...args });
      }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
