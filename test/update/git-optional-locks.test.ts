// The app's update checks run git in the user's checkout while they may use git there themselves:
// a `git status` that refreshes the index takes .git/index.lock, and the user's own `git commit` at
// that instant fails with "index.lock: File exists" (seen in the update e2e test under load). Git's
// answer for background tools is GIT_OPTIONAL_LOCKS=0: status reads, never rewrites the index.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openGit } from '../../electron/core/update/git.js';
import { localChanges } from '../../electron/core/update/repo.js';

let dir: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("the app's status check never rewrites the index (it takes no index.lock the user's git could meet)", async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-optional-locks-'));
  git('init', '-q');
  writeFileSync(join(dir, 'a.txt'), 'a\n');
  git('add', 'a.txt');
  git('commit', '-qm', 'one');
  // Same content, new mtime: the index's stat data is stale, so a plain `git status` refreshes and rewrites it.
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'a.txt'), later, later);
  const index = () => statSync(join(dir, '.git', 'index')).ino;
  const before = index();
  expect(await localChanges(openGit(dir))).toEqual([]);
  expect(index()).toBe(before);
  // The control: git itself does rewrite it here when optional locks are allowed.
  git('status', '--porcelain');
  expect(index()).not.toBe(before);
});
