// Brings the checkout back to a known commit and a build that matches it. Used by the pipeline's
// rollback and by the boot watchdog.
import type { SimpleGit } from 'simple-git';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { describe, runCommand } from './command.js';
import { headSha, short } from './git.js';
import type { UpdateTimeouts } from './options.js';
import { copyBackCommand, copyReplacedFiles, putReplacedFilesBack } from './replaced-files.js';
import type { SavedChanges, UpdateCommands } from './types.js';
import { resetHard, restoreLocalChanges, setAsideEdits, stashApplyCommand } from './worktree.js';

export interface RestoreCheckoutOptions {
  git: SimpleGit;
  appDir: string;
  commit: string;
  /** False when the checkout never moved: only the saved changes need to come back. */
  moveCheckout: boolean;
  /** Re-run the install: node_modules may hold the other version's dependencies. */
  reinstall: boolean;
  /** False when the build that runs is a release of `commit` (never touched by the update): no rebuild. */
  rebuild?: boolean;
  savedChanges: SavedChanges | null;
  /** The folder of files the update's reset replaced (ignored ones, copied aside): copied back after the reset. */
  replaced?: string | null;
  /** Where files that this reset would replace go first (untracked here, tracked by `commit`). */
  copyTo?: string;
  commands: UpdateCommands;
  timeouts: Pick<UpdateTimeouts, 'install' | 'build'>;
  env?: NodeJS.ProcessEnv;
  /** A line for the user's log; our own sentences come with their key (the boot says them in the panel's language). */
  log: (line: string | CoreSentence) => void;
}

/**
 * Throws when the checkout could not be made consistent; a saved-changes problem is only logged (they
 * stay in the stash). Answers the stash of tracked files edited meanwhile (set aside before the reset,
 * said in the log), or null.
 */
export async function restoreCheckout(o: RestoreCheckoutOptions): Promise<SavedChanges | null> {
  const run = (cmd: UpdateCommands[keyof UpdateCommands], timeoutMs: number) => {
    o.log(`$ ${describe(cmd)}`);
    return runCommand(cmd, { cwd: o.appDir, timeoutMs, onLine: o.log, env: o.env });
  };
  let edits: SavedChanges | null = null;
  if (o.moveCheckout) {
    // Edited while the update ran (a long install or build): set aside, never overwritten. Untracked
    // files stay where they are (no `git clean`: one the other .gitignore ignores is the user's too).
    edits = await setAsideEdits(o.git, await headSha(o.git));
    if (edits) o.log(coreText('update.boot.setAside', { command: stashApplyCommand(edits) }));
    const copied = o.copyTo ? await copyReplacedFiles(o.git, o.appDir, o.commit, o.copyTo) : null;
    if (copied) o.log(coreText('update.restore.filesCopied', { commit: short(o.commit), files: listed(copied.files), dir: copied.dir, command: copyBackCommand(copied.dir, o.appDir) }));
    o.log(await resetHard(o.git, o.commit));
    if (o.replaced) putBack(o, o.replaced);
    if (o.reinstall) await run(o.commands.install, o.timeouts.install);
    // Rebuild in place once the checkout moved: the build output may be half-written or the other version's.
    if (o.rebuild === false) {
      await finishRestore(o, coreText('update.boot.backNoRebuild', { commit: short(o.commit) }));
      return edits;
    }
    await run(o.commands.build, o.timeouts.build);
    o.log(coreText('update.boot.rebuilt', { commit: short(o.commit) }));
  }
  await finishRestore(o);
  return edits;
}

async function finishRestore(o: RestoreCheckoutOptions, line?: CoreSentence): Promise<void> {
  if (line) o.log(line);
  if (o.savedChanges) {
    try {
      await restoreLocalChanges(o.git, o.savedChanges);
      o.log(coreText('update.restore.changesBack', { ref: o.savedChanges.ref }));
    } catch (err) {
      o.log(err instanceof Error ? err.message : String(err));
    }
  }
}

const listed = (files: string[]): string => files.slice(0, 20).join(', ') + (files.length > 20 ? ` (+${files.length - 20})` : '');

/** Back where nothing is now; a file someone wrote there since is left, and the copy kept (said). */
function putBack(o: RestoreCheckoutOptions, dir: string): void {
  const { back, left } = putReplacedFilesBack(dir, o.appDir);
  if (back.length) o.log(coreText('update.restore.filesBack', { files: listed(back) }));
  if (left.length) o.log(coreText('update.restore.filesKept', { files: listed(left), dir, command: copyBackCommand(dir, o.appDir) }));
}
