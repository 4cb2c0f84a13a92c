// The git operations that change the checkout. Each one keeps the user's work reachable.
import type { SimpleGit } from 'simple-git';
import { gitMessage, short } from './git.js';
import { countCommits, localChanges } from './repo.js';
import type { SavedChanges } from './types.js';

async function topStash(git: SimpleGit): Promise<string | null> {
  return (await git.raw(['rev-parse', '--verify', '--quiet', 'refs/stash']).catch(() => '')).trim() || null;
}

/** The stash message names the run's start commit and time: boot recovery finds an unrecorded stash by it. */
const STASH_MESSAGE = /^(?:On [^:]+: )?discord-monitor update (\S+) from ([0-9a-f]+)$/;

/**
 * Stashes modified and untracked files (ignored ones — node_modules, build output, local data —
 * are left in place). Throws rather than continue if anything would remain to be wiped by the reset;
 * the edits it had stashed by then are put back first, so the tree is as before.
 */
export async function saveLocalChanges(git: SimpleGit, from: string, now = new Date()): Promise<SavedChanges | null> {
  if ((await localChanges(git)).length === 0) return null;
  const before = await topStash(git);
  const message = `discord-monitor update ${now.toISOString()} from ${short(from)}`;
  await git.raw(['stash', 'push', '--include-untracked', '-m', message]);
  const sha = await topStash(git);
  const left = await localChanges(git);
  if (!sha || sha === before || left.length > 0) {
    const why = `Could not set local changes aside (${left.join(', ') || 'git stash saved nothing'}) — commit or move them, then update again`;
    if (!sha || sha === before) throw new Error(why);
    // e.g. an edited file inside a submodule: the rest was stashed, and must not stay hidden there.
    const back = await restoreLocalChanges(git, { ref: 'stash@{0}', sha, message }).then(() => null, (err: Error) => err.message);
    throw new SetAsideError(back ? `${why}. ${back}` : why, back ? { ref: 'stash@{0}', sha, message } : null);
  }
  return savedAs(git, sha, message);
}

/** The stash entry just pushed, as the journal records it. */
async function savedAs(git: SimpleGit, sha: string, message: string): Promise<SavedChanges> {
  const ref = (await git.raw(['stash', 'list', '-n1', '--format=%gd'])).trim() || 'stash@{0}';
  return { ref, sha, message };
}

/** Setting aside failed; `stillSaved` is the stash that holds edits which could not be put back. */
export class SetAsideError extends Error {
  readonly stillSaved: SavedChanges | null;
  constructor(message: string, stillSaved: SavedChanges | null) {
    super(message);
    this.stillSaved = stillSaved;
  }
}

/**
 * The stash a process killed during save-local-changes made for the run that began at `startedAt`
 * from `from`, before the journal recorded it; null when there is none.
 */
export async function findUnrecordedStash(git: SimpleGit, from: string, startedAt: string): Promise<SavedChanges | null> {
  const list = await git.raw(['stash', 'list', '--format=%gd %H %gs']).catch(() => '');
  for (const line of list.split('\n')) {
    const [ref, sha, ...rest] = line.split(' ');
    const message = rest.join(' ');
    const m = STASH_MESSAGE.exec(message);
    // ISO times compare as text; an earlier update's stash predates this run.
    if (ref && sha && m && m[2] === short(from) && (m[1] as string) >= startedAt) {
      return { ref, sha, message: message.replace(/^On [^:]+: /, '') };
    }
  }
  return null;
}

/** Every stash the app pushes: an update's, a boot recovery's (same words) and edits made during an update. */
const SET_ASIDE_MESSAGE = /^(?:On [^:]+: )?discord-monitor (?:update|edits made during an update) (\S+) (?:from|at) [0-9a-f]+$/;

/**
 * The app's stashes pushed since `startedAt` that `named` (the journal's) lacks: a process killed
 * between a `git stash push` and the journal write that names it left them.
 */
export async function findUnrecordedSetAsides(git: SimpleGit, startedAt: string, named: readonly string[]): Promise<SavedChanges[]> {
  const list = await git.raw(['stash', 'list', '--format=%gd %H %gs']).catch(() => '');
  const found: SavedChanges[] = [];
  for (const line of list.split('\n')) {
    const [ref, sha, ...rest] = line.split(' ');
    const message = rest.join(' ');
    const m = SET_ASIDE_MESSAGE.exec(message);
    if (ref && sha && m && (m[1] as string) >= startedAt && !named.includes(sha)) found.push({ ref, sha, message: message.replace(/^On [^:]+: /, '') });
  }
  return found;
}

/** The command that brings saved changes back by hand; the sha stays valid when more stashes are pushed. */
export const stashApplyCommand = (saved: Pick<SavedChanges, 'sha'>): string => `git stash apply ${saved.sha}`;

/** Drops the app's own stash entry once its changes are back, so entries do not pile up. */
async function dropStash(git: SimpleGit, sha: string): Promise<void> {
  const list = await git.raw(['stash', 'list', '--format=%gd %H']);
  const ref = list.split('\n').find((line) => line.endsWith(` ${sha}`))?.split(' ')[0];
  if (ref) await git.raw(['stash', 'drop', ref]);
}

/**
 * Applies a stash with what was staged staged again (--index); when the index cannot be rebuilt, the
 * changes alone (the stash is then kept: it still holds the staged version). True when it may be dropped.
 */
async function applyStash(git: SimpleGit, sha: string): Promise<boolean> {
  if (await git.raw(['stash', 'apply', '--index', sha]).then(() => true, () => false)) return true;
  // A refused --index leaves the tree as it was; a plain apply that fails throws for the caller.
  await git.raw(['stash', 'apply', sha]);
  return false;
}

/** Puts saved changes back (same base commit, so it applies cleanly) and drops the stash entry. */
export async function restoreLocalChanges(git: SimpleGit, saved: SavedChanges): Promise<void> {
  let whole: boolean;
  try {
    whole = await applyStash(git, saved.sha);
  } catch (err) {
    throw new Error(`Local changes could not be re-applied; they are still saved: ${stashApplyCommand(saved)} (${gitMessage(err)})`, { cause: err });
  }
  if (whole) await dropStash(git, saved.sha);
}

/**
 * After a successful update: puts the edits back on top of the new version when they apply
 * cleanly. On a conflict the checkout is returned to the clean new version and the stash is kept.
 * Not attempted ('kept') when the checkout is no longer clean: nothing of the user's is mixed.
 */
export async function reapplyLocalChanges(git: SimpleGit, saved: SavedChanges): Promise<'reapplied' | 'conflict' | 'kept'> {
  if ((await localChanges(git)).length > 0) return 'kept';
  // simple-git resolves on some failing exits (a conflict's CONFLICT lines go to stdout): check the index too.
  const applied = await applyStash(git, saved.sha).then((whole) => (whole ? 'whole' : 'unstaged'), () => null);
  const unmerged = (await git.raw(['ls-files', '--unmerged'])).trim() !== '';
  if (!applied || unmerged) {
    // The tree was clean before the apply, so HEAD plus no untracked files is exactly the state to return to.
    await git.raw(['reset', '--hard', 'HEAD']);
    await git.raw(['clean', '-fd']);
    return 'conflict';
  }
  // Applied without what was staged: the stash stays, it alone holds the staged version.
  if (applied === 'whole') await dropStash(git, saved.sha);
  return 'reapplied';
}

/**
 * Sets aside everything the checkout holds beyond HEAD, tracked and untracked (an unmerged index, which
 * `git stash` refuses, is cleared first: the files keep their content, markers and all). After a re-apply of
 * the user's edits was killed: half-applied edits, and whatever the user did to them since (a conflict
 * resolved by hand), are kept together, never discarded. Null when the tree was clean.
 */
export async function setAsideEverything(git: SimpleGit, at: string, now = new Date()): Promise<SavedChanges | null> {
  if ((await git.raw(['ls-files', '--unmerged'])).trim() !== '') await git.raw(['reset', '-q']);
  if ((await localChanges(git)).length === 0) return null;
  const message = `discord-monitor edits made during an update ${now.toISOString()} at ${short(at)}`;
  await git.raw(['stash', 'push', '--include-untracked', '-m', message]);
  const sha = await topStash(git);
  const left = await localChanges(git);
  if (!sha || left.length > 0) throw new Error(`Could not set aside what the checkout holds (${left.join(', ') || 'git stash saved nothing'}): nothing was changed`);
  return savedAs(git, sha, message);
}

/** Named after the commit, so the confirmation can name it before the update runs. */
export const localCommitsBranch = (from: string): string => `discord-monitor/before-update-${short(from)}`;

/**
 * Commits on HEAD that the target lacks would vanish from the branch with the reset: keep them on a
 * branch. Returns it and how many commits it holds, or null when there was nothing to keep.
 */
export async function keepLocalCommits(git: SimpleGit, from: string, target: string): Promise<{ branch: string; count: number } | null> {
  const count = await countCommits(git, `${target}..${from}`);
  if (count === 0) return null;
  const base = localCommitsBranch(from);
  for (let n = 1; ; n++) {
    const branch = n === 1 ? base : `${base}-${n}`;
    const existing = (await git.raw(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).catch(() => '')).trim();
    // An earlier attempt from the same commit already kept them: reuse its branch.
    if (existing === from) return { branch, count };
    if (existing === '') {
      await git.raw(['branch', branch, from]);
      return { branch, count };
    }
  }
}

export async function resetHard(git: SimpleGit, sha: string): Promise<string> {
  return (await git.raw(['reset', '--hard', sha])).trim();
}

/**
 * Files git does not track and does not ignore, which the update leaves where they are: one the old
 * .gitignore ignored and the new one does not, one written while the update ran (a `git clean` deleted
 * both; what the user had before the update was set aside with the stash).
 */
export async function untrackedFiles(git: SimpleGit): Promise<string[]> {
  const out = await git.raw(['ls-files', '--others', '--exclude-standard']);
  return out.split('\n').filter((line) => line.trim() !== '');
}

/** Tracked files changed (staged or not) since the last commit: what a `reset --hard` would overwrite. */
export async function trackedChanges(git: SimpleGit): Promise<string[]> {
  const out = await git.raw(['status', '--porcelain', '--untracked-files=no']);
  return out.split('\n').filter((line) => line.trim() !== '').map((line) => line.slice(3));
}

/**
 * Sets aside tracked files edited while an update ran, before a reset would overwrite them; untracked
 * files stay where they are. Null when there were none.
 */
export async function setAsideEdits(git: SimpleGit, at: string, now = new Date()): Promise<SavedChanges | null> {
  if ((await trackedChanges(git)).length === 0) return null;
  const message = `discord-monitor edits made during an update ${now.toISOString()} at ${short(at)}`;
  await git.raw(['stash', 'push', '-m', message]);
  const sha = await topStash(git);
  if (!sha || (await trackedChanges(git)).length > 0) throw new Error(`Files changed during the update could not be set aside (${(await trackedChanges(git)).join(', ')}): nothing was reset`);
  return savedAs(git, sha, message);
}
