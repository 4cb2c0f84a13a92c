// Runs install/build/self-test commands with their output streamed line by line, and port calls
// under a deadline.
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { withoutSecrets } from './child-env.js';
import type { Command } from './types.js';

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  onLine: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export const describe = (cmd: Command): string => cmd.join(' ');

/** Resolves when the command exits 0; otherwise rejects with what happened and what to try. */
export async function runCommand(cmd: Command, opts: RunOptions): Promise<void> {
  const [file, ...args] = cmd;
  // Loaded on first use: an app that is only running never pays for it (≈2.8 MiB, bench/idle-memory).
  const { execa } = await import('execa');
  const child = execa(file, args, {
    cwd: opts.cwd,
    // The whole environment is given, without the app's secrets: execa would add the parent's otherwise.
    env: withoutSecrets(opts.env),
    extendEnv: false,
    timeout: opts.timeoutMs,
    all: true,
    reject: false,
    stdin: 'ignore',
    forceKillAfterDelay: 5_000,
  });
  for await (const line of child.iterable({ from: 'all' })) opts.onLine(line);
  const result = await child;
  if (result.exitCode === 0 && !result.failed) return;
  const name = describe(cmd);
  if (result.timedOut) throw new SentenceError(coreText('update.commandTimedOut', { command: name, seconds: Math.round(opts.timeoutMs / 1000) }));
  if (result.code === 'ENOENT') throw new SentenceError(coreText('update.commandMissing', { command: name, file }));
  if (result.exitCode !== undefined) throw new SentenceError(coreText('update.commandFailed', { command: name, code: String(result.exitCode) }));
  throw new Error(`${name} failed: ${result.shortMessage}`);
}

export class DeadlineError extends SentenceError {
  name = 'DeadlineError';
}

/**
 * Rejects if `promise` has not settled within `ms`. A deadline, not a pause: it resolves as soon as the work does.
 * `what` is one of the update.doing.* sentences: the step's error says it in the panel's language.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: CoreSentence): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(coreText('update.deadline', { what: what.i18n, seconds: Math.round(ms / 1000) }))), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
