// undoInterruptedApply (worktree.ts) undoes only what a killed `git stash apply` of the app's own stash
// wrote: a merge of the user's own, or a file they wrote where the stash's untracked one would go, stays.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openGit } from '../../electron/core/update/git.js';
import { undoInterruptedApply } from '../../electron/core/update/worktree.js';
import { tempDirPerTest } from '../helpers/temp-dir.js';
import { git } from './fixture.js';

const dir = tempDirPerTest('undo-apply-');

/** A repo on v2 with the user's edits of v1 in a stash (README edited, notes.txt untracked), not applied. */
function stashedOverV2(): { repo: string; sha: string } {
  const repo = dir();
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'readme v1\n');
  writeFileSync(join(repo, 'other.md'), 'other v1\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'v1');
  writeFileSync(join(repo, 'README.md'), 'readme v1\nMY EDIT\n');
  writeFileSync(join(repo, 'notes.txt'), 'MY NOTES\n');
  git(repo, 'stash', 'push', '-q', '--include-untracked', '-m', 'discord-monitor update t from abc1234');
  const sha = git(repo, 'rev-parse', 'refs/stash');
  writeFileSync(join(repo, 'README.md'), 'readme v2\n');
  writeFileSync(join(repo, 'other.md'), 'other v2\n');
  git(repo, 'commit', '-qam', 'v2');
  return { repo, sha };
}

const saved = (sha: string) => ({ ref: 'stash@{0}', sha, message: 'discord-monitor update t from abc1234' });

it('a conflicted apply of the stash: undone back to HEAD, the stash kept', async () => {
  const { repo, sha } = stashedOverV2();
  expect(() => git(repo, 'stash', 'apply', sha)).toThrow();
  expect(git(repo, 'ls-files', '--unmerged')).not.toBe('');
  expect(await undoInterruptedApply(openGit(repo), saved(sha))).toBe(true);
  expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('readme v2\n');
  expect(git(repo, 'stash', 'list', '--format=%H')).toBe(sha);
});

it('a file the user wrote where the stash has an untracked one (other content) is left', async () => {
  const { repo, sha } = stashedOverV2();
  expect(() => git(repo, 'stash', 'apply', sha)).toThrow();
  writeFileSync(join(repo, 'notes.txt'), 'WRITTEN SINCE\n');
  expect(await undoInterruptedApply(openGit(repo), saved(sha))).toBe(true);
  expect(readFileSync(join(repo, 'notes.txt'), 'utf8')).toBe('WRITTEN SINCE\n');
  expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('readme v2\n');
});

it("the user's own merge in progress (a path the stash never touched): nothing undone", async () => {
  const { repo, sha } = stashedOverV2();
  git(repo, 'checkout', '-q', '-b', 'side', 'HEAD~1');
  writeFileSync(join(repo, 'other.md'), 'other side\n');
  git(repo, 'commit', '-qam', 'side');
  git(repo, 'checkout', '-q', 'main');
  expect(() => git(repo, 'merge', 'side')).toThrow();
  expect(await undoInterruptedApply(openGit(repo), saved(sha))).toBe(false);
  expect(readFileSync(join(repo, 'other.md'), 'utf8')).toContain('<<<<<<<');
  expect(git(repo, 'ls-files', '--unmerged')).not.toBe('');
  expect(existsSync(join(repo, '.git', 'MERGE_HEAD'))).toBe(true);
});

it('no unmerged path (a clean tree): nothing to undo', async () => {
  const { repo, sha } = stashedOverV2();
  expect(await undoInterruptedApply(openGit(repo), saved(sha))).toBe(false);
  expect(git(repo, 'status', '--porcelain')).toBe('');
});
