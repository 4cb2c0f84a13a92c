// A git killed mid-command leaves more than .git/index.lock: a reset killed while it moves the
// branch leaves HEAD.lock and refs/heads/<branch>.lock, a fetch refs/remotes/…/<branch>.lock, a stash
// refs/stash.lock — and every later reset, fetch or stash then fails with "File exists". Same rule
// as for the index: removed only when no git process works in the checkout.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { gitCommandsOf, gitProcessesIn } from './index-lock.js';

const STALE_WITHOUT_PROC_MS = 10 * 60_000;
/** Where git takes its lock files (`objects/` never holds one worth a walk). */
const TOP_LEVEL = /^(index|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|packed-refs|config|shallow)\.lock$/;

function refLocks(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) refLocks(path, out);
    else if (entry.name.endsWith('.lock')) out.push(path);
  }
}

/** Lock files in a git dir: the top-level ones and any under refs/. */
export function gitLockFiles(gitDir: string): string[] {
  const out = readdirSync(gitDir).filter((n) => TOP_LEVEL.test(n)).map((n) => join(gitDir, n));
  refLocks(join(gitDir, 'refs'), out);
  return out;
}

/** Removes stale git lock files and says which; throws (naming the pid) when a git process may hold them. */
export async function clearStaleGitLocks(git: SimpleGit, appDir: string, holders = gitProcessesIn): Promise<CoreSentence[]> {
  const gitDir = resolve(appDir, (await git.raw(['rev-parse', '--git-dir'])).trim());
  let locks = gitLockFiles(gitDir);
  if (locks.length === 0) return [];
  const pids = holders(appDir);
  const names = locks.map((l) => relative(appDir, l)).join(', ');
  if (pids && pids.length > 0) throw new SentenceError(coreText('update.gitLocksHeld', { files: names, pids: pids.join(', '), commands: gitCommandsOf(pids) }));
  if (!pids) {
    locks = locks.filter((l) => Date.now() - statSync(l).mtimeMs >= STALE_WITHOUT_PROC_MS);
    if (locks.length === 0) throw new SentenceError(coreText('update.gitLocksUnknown', { files: names }));
  }
  for (const lock of locks) rmSync(lock, { force: true });
  return locks.map((l) => coreText('update.line.staleLock', { file: relative(appDir, l) }));
}
