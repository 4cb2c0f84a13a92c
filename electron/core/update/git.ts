// simple-git, set up once: per-call timeouts, no credential prompts, readable errors.
import { realpath } from 'node:fs/promises';
import { simpleGit, type SimpleGit } from 'simple-git';
import { withoutSecrets } from './child-env.js';

export const GIT_TIMEOUT_MS = 60_000;

// Variables simple-git refuses when passed explicitly (it strips them itself when inherited).
const GUARDED = /^(git_.*|editor|visual|pager|prefix|ssh_askpass)$/i;

/** The variables childEnv sets that simple-git would refuse unless told. */
const ALLOWED = ['GIT_TERMINAL_PROMPT', 'GIT_OPTIONAL_LOCKS'];

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(withoutSecrets())) if (v !== undefined && !GUARDED.test(k)) env[k] = v;
  // Without a terminal a credential prompt would hang until the timeout; fail at once instead.
  env.GIT_TERMINAL_PROMPT = '0';
  // No optional locks (git's advice for background tools): a status check never rewrites the index,
  // so it never holds the index.lock a user's own git command in the same checkout would meet.
  env.GIT_OPTIONAL_LOCKS = '0';
  return env;
}

/**
 * A git client rooted at `dir`. The timeout restarts whenever git prints something, so a slow
 * but progressing fetch is not cut short.
 */
export function openGit(dir: string, timeoutMs = GIT_TIMEOUT_MS): SimpleGit {
  return simpleGit({ baseDir: dir, timeout: { block: timeoutMs }, allowEnvironment: ALLOWED }).env(
    childEnv(),
  );
}

/** Git's own words (its stderr), trimmed, rather than a stack. */
export function gitMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim().replace(/\n{2,}/g, '\n');
}

export async function gitInstalled(): Promise<boolean> {
  try {
    return (await simpleGit({ allowEnvironment: ALLOWED }).env(childEnv()).version()).installed;
  } catch {
    return false;
  }
}

/** True only when `dir` is the root of a work tree, not a folder inside some other repository. */
export async function isCheckoutRoot(dir: string): Promise<boolean> {
  try {
    const top = (await openGit(dir, 10_000).raw(['rev-parse', '--show-toplevel'])).trim();
    return (await realpath(top)) === (await realpath(dir));
  } catch {
    return false;
  }
}

export async function headSha(git: SimpleGit): Promise<string> {
  return (await git.raw(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
}

export const short = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : '?');
