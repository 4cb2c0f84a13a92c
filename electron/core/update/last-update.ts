// What the panel says about the last finished update: the commits it installed.
import type { SimpleGit } from 'simple-git';
import { openGit } from './git.js';
import type { UpdateJournal } from './journal.js';
import { listCommits } from './repo.js';
import type { CommitInfo, SavedChanges } from './types.js';

/** `from..to`, not `from...to`: commits only `from` had (the user's, kept on a branch) were removed, not installed. */
export async function installedCommits(appDir: string, from: string, to: string): Promise<CommitInfo[]> {
  return listCommits(openGit(appDir, 10_000), `${from}..${to}`).catch(() => []);
}

/**
 * After a rollback or a boot recovery, which put saved edits back themselves: records whether the
 * stash entry is gone (re-applied) or still there, so the panel never offers a dropped stash.
 */
export async function noteSavedChanges(git: SimpleGit, journal: UpdateJournal, id: string, saved: SavedChanges): Promise<SavedChanges> {
  const listed = (await git.raw(['stash', 'list', '--format=%H']).catch(() => '')).split('\n').includes(saved.sha);
  const noted: SavedChanges = { ...saved, state: listed ? 'kept' : 'reapplied' };
  await journal.patch(id, { savedChanges: noted });
  return noted;
}
