// Read-only questions about the checkout, plus the fetch of the update branch.
import type { SimpleGit } from 'simple-git';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { SentenceError } from '../sentence-error.js';
import { gitMessage } from './git.js';
import type { CommitInfo } from './types.js';

export const LOCKFILE = 'package-lock.json';

/** The remote branch updates come from. */
export interface Target {
  remote: string;
  branch: string;
  /** e.g. `origin/main` */
  ref: string;
}

/** The update branch cannot be used: a sentence by key (a check's tooltip, the fetch step's error). */
export class TargetError extends SentenceError {
  constructor(
    readonly code: 'no-upstream' | 'bad-branch' | 'branch-not-found',
    sentence: CoreSentence,
  ) {
    super(sentence);
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
    if (!BRANCH.test(wanted)) throw new TargetError('bad-branch', coreText('update.branchInvalid', { branch: wanted }));
    return { remote: 'origin', branch: wanted, ref: `origin/${wanted}` };
  }
  const current = (await git.raw(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  const remote = current === 'HEAD' ? null : await configValue(git, `branch.${current}.remote`);
  const merge = current === 'HEAD' ? null : await configValue(git, `branch.${current}.merge`);
  if (!remote || remote === '.' || !merge?.startsWith('refs/heads/')) {
    throw new TargetError('no-upstream', current === 'HEAD' ? coreText('update.detachedHead') : coreText('update.noUpstream', { branch: current }));
  }
  const name = merge.slice('refs/heads/'.length);
  return { remote, branch: name, ref: `${remote}/${name}` };
}

/** Fetches the one branch with an explicit refspec, so single-branch clones update the ref too. */
export async function fetchTarget(git: SimpleGit, t: Target): Promise<string> {
  await git.raw(['fetch', t.remote, `+refs/heads/${t.branch}:refs/remotes/${t.ref}`]).catch((err: unknown) => {
    // The remote answered, without that branch (an UPDATE_BRANCH mistyped or deleted): not a network problem.
    if (/couldn't find remote ref/i.test(gitMessage(err))) throw new TargetError('branch-not-found', coreText('update.branchMissing', { remote: t.remote, branch: t.branch }));
    throw err;
  });
  return targetSha(git, t);
}

export async function targetSha(git: SimpleGit, t: Target): Promise<string> {
  try {
    return (await git.raw(['rev-parse', '--verify', `refs/remotes/${t.ref}^{commit}`])).trim();
  } catch {
    throw new TargetError('branch-not-found', coreText('update.branchNotFound', { ref: t.ref }));
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
