// The git operations that change the checkout. Each one keeps the user's work reachable.
import type { SimpleGit } from 'simple-git';
import { gitMessage, short } from './git.js';
import { countCommits, localChanges } from './repo.js';
import type { SavedChanges } from './types.js';

async function topStash(git: SimpleGit): Promise<string | null> {
  return (await git.raw(['rev-parse', '--verify', '--quiet', 'refs/stash']).catch(() => '')).trim() || null;
}

/**
 * Stashes modified and untracked files (ignored ones — node_modules, build output, local data —
 * are left in place). Throws rather than continue if anything would remain to be wiped by the reset.
 */
export async function saveLocalChanges(git: SimpleGit, from: string, now = new Date()): Promise<SavedChanges | null> {
  if ((await localChanges(git)).length === 0) return null;
  const before = await topStash(git);
  const message = `discord-monitor update ${now.toISOString()} from ${short(from)}`;
  await git.raw(['stash', 'push', '--include-untracked', '-m', message]);
  const sha = await topStash(git);
  const left = await localChanges(git);
  if (!sha || sha === before || left.length > 0) {
    throw new Error(`Could not set local changes aside (${left.join(', ') || 'git stash saved nothing'}) — commit or move them, then update again`);
  }
  const ref = (await git.raw(['stash', 'list', '-n1', '--format=%gd'])).trim() || 'stash@{0}';
  return { ref, sha, message };
}

/** Puts saved changes back (same base commit, so it applies cleanly) and drops the stash entry. */
export async function restoreLocalChanges(git: SimpleGit, saved: SavedChanges): Promise<void> {
  try {
    await git.raw(['stash', 'apply', saved.sha]);
  } catch (err) {
    throw new Error(`Local changes could not be re-applied; they are still saved: git stash apply ${saved.sha} (${gitMessage(err)})`, { cause: err });
  }
  const list = await git.raw(['stash', 'list', '--format=%gd %H']);
  const ref = list.split('\n').find((line) => line.endsWith(` ${saved.sha}`))?.split(' ')[0];
  if (ref) await git.raw(['stash', 'drop', ref]);
}

/**
 * Commits on HEAD that the target lacks would vanish from the branch with the reset: keep them on a
 * branch. Returns its name, or null when there was nothing to keep.
 */
export async function keepLocalCommits(git: SimpleGit, from: string, target: string, now = new Date()): Promise<string | null> {
  if ((await countCommits(git, `${target}..${from}`)) === 0) return null;
  const name = `discord-monitor/before-update-${now.toISOString().replace(/[:.]/g, '-')}`;
  await git.raw(['branch', name, from]);
  return name;
}

export async function resetHard(git: SimpleGit, sha: string): Promise<string> {
  return (await git.raw(['reset', '--hard', sha])).trim();
}

/** `-fd` and never `-x`: ignored files (node_modules, build output, local data) must survive. */
export async function cleanUntracked(git: SimpleGit): Promise<string[]> {
  const out = await git.raw(['clean', '-fd']);
  return out.split('\n').filter((line) => line.trim() !== '');
}
