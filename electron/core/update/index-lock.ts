// A git killed mid-command (the app killed during `git reset`) leaves .git/index.lock behind, and
// every later git command fails with "File exists". Git's own advice: remove it when no git
// process is running — checked here, not assumed.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { coreText } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';

/** Without /proc nobody can be seen holding it: only a lock this old is taken as stale. */
const STALE_WITHOUT_PROC_MS = 10 * 60_000;

/** How /proc is read (tests give another user's process, whose cwd cannot be read). */
export interface ProcReader {
  pids(): string[];
  comm(pid: string): string;
  cwd(pid: string): string;
}

const PROC: ProcReader = {
  pids: () => readdirSync('/proc').filter((name) => /^\d+$/.test(name)),
  comm: (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8'),
  cwd: (pid) => readlinkSync(`/proc/${pid}/cwd`),
};

/**
 * Pids of git processes working in `dir` (their cwd is inside it); null when /proc cannot tell: no
 * /proc, or a git of another user (an admin's `git commit` with its editor open in the app's checkout)
 * whose cwd this user may not read — taken for "none", its live lock was deleted as stale.
 */
export function gitProcessesIn(dir: string, proc: ProcReader | null = existsSync('/proc/self/cwd') ? PROC : null): number[] | null {
  if (!proc) return null;
  const root = realpathSync(dir);
  const pids: number[] = [];
  let unseen = false;
  for (const name of proc.pids()) {
    let comm: string;
    try {
      comm = proc.comm(name).trim();
    } catch {
      continue; // gone meanwhile
    }
    if (comm !== 'git') continue;
    try {
      const rel = relative(root, proc.cwd(name));
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) pids.push(Number(name));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') unseen = true;
    }
  }
  return pids.length === 0 && unseen ? null : pids;
}

/** The command lines of those git processes ("git commit -a"), so the user knows which one to wait for. */
export function gitCommandsOf(pids: readonly number[], read = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8')): string {
  const lines = pids.map((pid) => {
    try {
      return read(pid).split('\0').filter(Boolean).join(' ') || 'git';
    } catch {
      return 'git'; // gone meanwhile, or another user's
    }
  });
  return [...new Set(lines)].join('; ');
}

/** Removes a stale index lock and says so; null when there was none. Throws when a git process holds it. */
export async function clearStaleIndexLock(git: SimpleGit, appDir: string, holders = gitProcessesIn): Promise<string | null> {
  const lock = resolve(appDir, (await git.raw(['rev-parse', '--git-path', 'index.lock'])).trim());
  if (!existsSync(lock)) return null;
  const pids = holders(appDir);
  if (pids && pids.length > 0) {
    throw new SentenceError(coreText('update.indexLockHeld', { lock, pids: pids.join(', '), commands: gitCommandsOf(pids) }));
  }
  if (!pids && Date.now() - statSync(lock).mtimeMs < STALE_WITHOUT_PROC_MS) {
    throw new SentenceError(coreText('update.indexLockUnknown', { lock }));
  }
  rmSync(lock, { force: true });
  return `Removed a stale ${relative(appDir, lock) || join('.git', 'index.lock')} left by a git process that was stopped mid-command.`;
}
