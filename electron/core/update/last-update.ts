// What the panel says about the last finished update: the commits it installed.
import { openGit } from './git.js';
import { listCommits } from './repo.js';
import type { CommitInfo } from './types.js';

/** `from..to`, not `from...to`: commits only `from` had (the user's, kept on a branch) were removed, not installed. */
export async function installedCommits(appDir: string, from: string, to: string): Promise<CommitInfo[]> {
  return listCommits(openGit(appDir, 10_000), `${from}..${to}`).catch(() => []);
}
