// A stale .git/index.lock is removed only when no git can be holding it. A git process of another user
// (an admin's `git commit` with its editor open in the app's checkout) shows in /proc, but its cwd
// cannot be read by the app's account: it was taken for "no git here" and its live lock deleted.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStaleIndexLock, gitProcessesIn, type ProcReader } from '../../electron/core/update/index-lock.js';
import { openGit } from '../../electron/core/update/git.js';
import { git } from './fixture.js';

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'dm-git-lock-'));
  git(repo, 'init', '-q');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const denied = (code: string) => Object.assign(new Error(`${code}: permission denied`), { code });
/** One process, 4242, named `comm`, whose cwd read answers `cwd`. */
const oneProcess = (comm: string, cwd: () => string): ProcReader => ({ pids: () => ['4242'], comm: () => `${comm}\n`, cwd: () => cwd() });

describe('who holds the index lock', () => {
  it("another user's git, whose cwd cannot be read: cannot tell (null), not nobody", () => {
    expect(gitProcessesIn(repo, oneProcess('git', () => { throw denied('EACCES'); }))).toBeNull();
    expect(gitProcessesIn(repo, oneProcess('git', () => { throw denied('EPERM'); }))).toBeNull();
  });

  it('a git working here is named; a git gone meanwhile or another program is not', () => {
    expect(gitProcessesIn(repo, oneProcess('git', () => repo))).toEqual([4242]);
    expect(gitProcessesIn(repo, oneProcess('git', () => { throw denied('ENOENT'); }))).toEqual([]);
    expect(gitProcessesIn(repo, oneProcess('vim', () => { throw denied('EACCES'); }))).toEqual([]);
  });

  it("a fresh lock beside another user's git is kept and said; an old one is removed", async () => {
    const lock = join(repo, '.git', 'index.lock');
    writeFileSync(lock, '');
    const unseen = (dir: string) => gitProcessesIn(dir, oneProcess('git', () => { throw denied('EACCES'); }));
    await expect(clearStaleIndexLock(openGit(repo), repo, unseen)).rejects.toThrow(/cannot tell whether git is using it/);
    const old = (Date.now() - 11 * 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(await clearStaleIndexLock(openGit(repo), repo, unseen)).toMatch(/Removed a stale/);
  });
});
