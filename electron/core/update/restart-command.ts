// Runs the service manager's restart command, and a Restarter built on it.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreText } from '../../../shared/core-text.js';
import type { Relauncher } from '../ports.js';
import { SentenceError } from '../sentence-error.js';
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
  // What it says goes to a file, both streams: supervisorctl says why it failed on stdout ("error: <class
  // 'PermissionError'>, [Errno 13] Permission denied" for a socket the app's user may not use), and that
  // reason was dropped. A file, not a pipe: the manager stops this process in the middle of the restart,
  // and supervisorctl writing "stopped" into a pipe nobody reads any more died of SIGPIPE before "start".
  const said = join(tmpdir(), `discord-monitor-restart-${process.pid}-${Date.now()}.txt`);
  let out: number;
  try {
    out = openSync(said, 'w+', 0o600);
  } catch {
    out = openSync('/dev/null', 'w');
  }
  const saidText = () => {
    try {
      return readFileSync(said, 'utf8').slice(-2000).trim();
    } catch {
      return '';
    } finally {
      rmSync(said, { force: true });
    }
  };
  return new Promise((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, { detached: true, stdio: ['ignore', out, out], env: withoutSecrets(opts.env) });
    } finally {
      closeSync(out);
    }
    const timer = setTimeout(() => {
      rmSync(said, { force: true });
      child.unref();
      resolve({ exitCode: null });
    }, deadlineMs);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      rmSync(said, { force: true });
      const what = { command: argv.join(' '), detail: err.message };
      reject(new SentenceError(err.code === 'ENOENT' ? coreText('update.restartNotInstalled', { ...what, file }) : coreText('update.restartCannotRun', what)));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const text = saidText();
      if (code === 0) return resolve({ exitCode: 0 });
      const command = argv.join(' ');
      const failure = (signal ? coreText('update.restartKilled', { command, signal }) : coreText('update.restartExited', { command, code: String(code) })).i18n;
      // The manager's own words stay as it printed them.
      reject(new SentenceError(text ? coreText('update.restartCommandFailedSaid', { failure, output: text }) : coreText('update.restartCommandFailed', { failure })));
    });
  });
}

/** Restarter for the shell or headless entry: service managers by command, otherwise the Relauncher port. */
export function createRestarter(relauncher: Relauncher, opts: RestartCommandOptions = {}): Restarter {
  return {
    async restart(plan) {
      if (plan.problem) throw new SentenceError(plan.problem);
      if (plan.method === 'relaunch' || !plan.argv) return relauncher.relaunch([]);
      await runRestartCommand(plan.argv, opts);
    },
  };
}
