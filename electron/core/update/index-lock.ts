// A git killed mid-command (the app killed during `git reset`) leaves .git/index.lock behind, and
// every later git command fails with "File exists". Git's own advice: remove it when no git
// process is running — checked here, not assumed.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';

/** Without /proc nobody can be seen holding it: only a lock this old is taken as stale. */
const STALE_WITHOUT_PROC_MS = 10 * 60_000;

/** Pids of git processes working in `dir` (their cwd is inside it); null when /proc cannot tell. */
export function gitProcessesIn(dir: string): number[] | null {
  if (!existsSync('/proc/self/cwd')) return null;
  const root = realpathSync(dir);
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'git') continue;
      const rel = relative(root, readlinkSync(`/proc/${name}/cwd`));
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or another user's process: not ours.
    }
  }
  return pids;
}

/** Removes a stale index lock and says so; null when there was none. Throws when a git process holds it. */
export async function clearStaleIndexLock(git: SimpleGit, appDir: string, holders = gitProcessesIn): Promise<string | null> {
  const lock = resolve(appDir, (await git.raw(['rev-parse', '--git-path', 'index.lock'])).trim());
  if (!existsSync(lock)) return null;
  const pids = holders(appDir);
  if (pids && pids.length > 0) {
    throw new Error(`${lock} is in use: git process ${pids.join(', ')} holds it — let it finish (or end it), then restart the app`);
  }
  if (!pids && Date.now() - statSync(lock).mtimeMs < STALE_WITHOUT_PROC_MS) {
    throw new Error(`${lock} exists and this system cannot tell whether git is using it — if no git command is running, delete it and restart the app`);
  }
  rmSync(lock, { force: true });
  return `Removed a stale ${relative(appDir, lock) || join('.git', 'index.lock')} left by a git process that was stopped mid-command.`;
}
