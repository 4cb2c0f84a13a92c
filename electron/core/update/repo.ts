// Read-only questions about the checkout, plus the fetch of the update branch.
import type { SimpleGit } from 'simple-git';
import type { CommitInfo } from './types.js';

export const LOCKFILE = 'package-lock.json';

/** The remote branch updates come from. */
export interface Target {
  remote: string;
  branch: string;
  /** e.g. `origin/main` */
  ref: string;
}

export class TargetError extends Error {
  constructor(
    readonly code: 'no-upstream' | 'bad-branch' | 'branch-not-found',
    message: string,
  ) {
    super(message);
  }
}

// Same rule as the settings schema; repeated because a leading dash would read as an option.
const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

async function configValue(git: SimpleGit, key: string): Promise<string | null> {
  const value = (await git.raw(['config', '--get', key]).catch(() => '')).trim();
  return value || null;
}

/** An explicit branch means `origin/<branch>`; otherwise the current branch's upstream. */
export async function resolveTarget(git: SimpleGit, branch?: string): Promise<Target> {
  const wanted = branch?.trim();
  if (wanted) {
    if (!BRANCH.test(wanted)) throw new TargetError('bad-branch', `"${wanted}" is not a valid branch name — fix it in Settings → Updates`);
    return { remote: 'origin', branch: wanted, ref: `origin/${wanted}` };
  }
  const current = (await git.raw(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  const remote = current === 'HEAD' ? null : await configValue(git, `branch.${current}.remote`);
  const merge = current === 'HEAD' ? null : await configValue(git, `branch.${current}.merge`);
  if (!remote || remote === '.' || !merge?.startsWith('refs/heads/')) {
    const where = current === 'HEAD' ? 'HEAD is detached' : `branch "${current}" has no remote upstream`;
    throw new TargetError('no-upstream', `${where} — set the update branch in Settings → Updates, or run git branch --set-upstream-to`);
  }
  const name = merge.slice('refs/heads/'.length);
  return { remote, branch: name, ref: `${remote}/${name}` };
}

/** Fetches the one branch with an explicit refspec, so single-branch clones update the ref too. */
export async function fetchTarget(git: SimpleGit, t: Target): Promise<string> {
  await git.raw(['fetch', t.remote, `+refs/heads/${t.branch}:refs/remotes/${t.ref}`]);
  return targetSha(git, t);
}

export async function targetSha(git: SimpleGit, t: Target): Promise<string> {
  try {
    return (await git.raw(['rev-parse', '--verify', `refs/remotes/${t.ref}^{commit}`])).trim();
  } catch {
    throw new TargetError('branch-not-found', `${t.ref} does not exist after fetching — check the update branch in Settings → Updates`);
  }
}

export async function countCommits(git: SimpleGit, range: string): Promise<number> {
  return Number((await git.raw(['rev-list', '--count', range])).trim());
}

const SEP = '\x1f';

/** Newest first, at most `limit`. */
export async function listCommits(git: SimpleGit, range: string, limit = 100): Promise<CommitInfo[]> {
  const out = await git.raw(['log', `-n${limit}`, `--format=%h${SEP}%s${SEP}%an${SEP}%aI`, range, '--']);
  return out
    .split('\n')
    .filter((line) => line.includes(SEP))
    .map((line) => {
      const [hash = '', subject = '', author = '', date = ''] = line.split(SEP);
      return { hash, subject, author, date };
    });
}

/** A file's content at a commit; '' when it does not exist there. */
export async function fileAt(git: SimpleGit, rev: string, path: string): Promise<string> {
  return git.raw(['show', `${rev}:${path}`]).catch(() => '');
}

export async function lockfileDiffers(git: SimpleGit, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  return (await git.raw(['diff', '--name-only', a, b, '--', LOCKFILE])).trim() !== '';
}

/** `git status --porcelain` lines: modified, staged and untracked files (ignored ones stay out). */
export async function localChanges(git: SimpleGit): Promise<string[]> {
  const out = await git.raw(['status', '--porcelain=v1', '--untracked-files=all']);
  return out.split('\n').filter((line) => line.trim() !== '');
}
