// Headless relaunch: a detached copy of this process with the same arguments (and the port actually
// bound), told to wait for our exit before it binds the port and connects the bot.
import { spawn } from 'node:child_process';
import { pidAlive } from '../core/pid-alive.js';
import type { Relauncher } from '../core/ports.js';

export interface HeadlessRelaunchOptions {
  script: string;
  argv: string[];
  cwd: string;
  port: () => number;
  /** Disconnects and closes the panel; the bot is already stopped by the update. */
  stop: () => Promise<void>;
  exit?: (code: number) => void;
}

export function relaunchArgs(argv: string[], port: number, pid: number): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--relaunched' || a.startsWith('--wait-pid') || a.startsWith('--port=')) continue;
    if (a === '--port' || a === '--wait-pid') {
      i++;
      continue;
    }
    kept.push(a);
  }
  return [...kept, '--port', String(port), '--relaunched', `--wait-pid=${pid}`];
}

export function headlessRelauncher(o: HeadlessRelaunchOptions): Relauncher {
  return {
    async relaunch(extra) {
      const args = [...relaunchArgs(o.argv, o.port(), process.pid), ...extra];
      // stdout/stderr are inherited so a terminal, a log pipe or a test keeps reading the new process.
      const child = spawn(process.execPath, [...process.execArgv, o.script, ...args], {
        cwd: o.cwd,
        detached: true,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: process.env,
      });
      child.unref();
      await o.stop();
      (o.exit ?? process.exit)(0);
    },
  };
}

/** Resolves once `pid` has exited (or after `deadlineMs`, saying so). */
export async function waitForExit(pid: number, deadlineMs = 30_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (pidAlive(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
