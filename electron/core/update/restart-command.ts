// Runs the service manager's restart command, and a Restarter built on it.
import { spawn } from 'node:child_process';
import type { Relauncher } from '../ports.js';
import { withoutSecrets } from './child-env.js';
import type { Restarter } from './types.js';

export interface RestartCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the command to report; past it the manager is presumably stopping us. */
  deadlineMs?: number;
}

export interface RestartCommandOutcome {
  /** 0 when the command finished; null when it was still running at the deadline. */
  exitCode: number | null;
}

/**
 * Spawns `argv` detached in its own process group, so that when the manager stops our service the
 * command (e.g. supervisorctl waiting for the restart) is not taken down with our group.
 * Resolves when it exits 0 or when the deadline passes; rejects when it cannot start or exits non-zero
 * (permission denied, unknown unit…) so the caller can tell the user to restart by hand.
 */
export function runRestartCommand(argv: readonly string[], opts: RestartCommandOptions = {}): Promise<RestartCommandOutcome> {
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new Error('Restart command is empty'));
  const deadlineMs = opts.deadlineMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutSecrets(opts.env),
    });
    // Both streams: supervisorctl says why it failed on stdout ("error: <class 'PermissionError'>, [Errno 13]
    // Permission denied" for a socket the app's user may not use), and that reason was dropped.
    let said = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        said = (said + chunk).slice(-2000);
      });
    }
    const timer = setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      resolve({ exitCode: null });
    }, deadlineMs);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const fix = err.code === 'ENOENT' ? ` — is ${file} installed and on PATH?` : '';
      reject(new Error(`Could not run ${argv.join(' ')}: ${err.message}${fix}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ exitCode: 0 });
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const detail = said.trim() ? `: ${said.trim()}` : '';
      reject(new Error(`${argv.join(' ')} ${why}${detail} — restart the service by hand, or check its permissions`));
    });
  });
}

/** Restarter for the shell or headless entry: service managers by command, otherwise the Relauncher port. */
export function createRestarter(relauncher: Relauncher, opts: RestartCommandOptions = {}): Restarter {
  return {
    async restart(plan) {
      if (plan.problem) throw new Error(plan.problem);
      if (plan.method === 'relaunch' || !plan.argv) return relauncher.relaunch([]);
      await runRestartCommand(plan.argv, opts);
    },
  };
}
