// The engine's journal and check results as the panel sees them: where the user's work went.
import { describe, expect, it } from 'vitest';
import type { CheckResult, JournalEntry } from '../../electron/core/update/index.js';
import { toLastUpdate, viewFromCheck } from '../../electron/core/update-view.js';

const SHA = 'c'.repeat(40);
function entry(patch: Partial<JournalEntry>): JournalEntry {
  return {
    id: 'e1', pid: 1, from: 'a'.repeat(40), to: 'b'.repeat(40), startedAt: new Date(0).toISOString(),
    finishedAt: new Date(5000).toISOString(), durationMs: 5000, outcome: 'success', steps: [], failedStep: null, error: null,
    lockfileChanged: false, savedChanges: null, keptCommits: null, recoveredEdits: null, replacedFiles: null, configBackup: null, boots: 1, lastBootPid: 1, ...patch,
  };
}

describe('toLastUpdate', () => {
  it('says where set-aside work lives: the branch of local commits and the stash with its apply command', () => {
    const last = toLastUpdate(
      entry({
        keptCommits: { branch: 'discord-monitor/before-update-aaaaaaa', count: 2 },
        savedChanges: { ref: 'stash@{0}', sha: SHA, message: 'discord-monitor update', state: 'conflict' },
      }),
      [],
    );
    expect(last.setAside).toEqual({
      branch: 'discord-monitor/before-update-aaaaaaa',
      commits: 2,
      stash: { sha: SHA, command: `git stash apply ${SHA}`, state: 'conflict' },
    });
  });

  it('a stash that was re-applied is reported as such; nothing set aside means no setAside', () => {
    const reapplied = toLastUpdate(entry({ savedChanges: { ref: 'stash@{0}', sha: SHA, message: 'm', state: 'reapplied' } }), []);
    expect(reapplied.setAside).toMatchObject({ branch: null, commits: 0, stash: { state: 'reapplied' } });
    expect(toLastUpdate(entry({}), []).setAside).toBeNull();
  });
});

describe('viewFromCheck', () => {
  it('passes the local commits and their branch to the confirmation', () => {
    const commits = [{ hash: 'ddddddd', subject: 'Local tweak', author: 'me', date: '2026-01-01T00:00:00Z' }];
    const check = {
      state: 'available', count: 1, commits: [], current: 'a'.repeat(40), target: { ref: 'origin/main', sha: SHA },
      localChanges: [], localCommits: { branch: 'discord-monitor/before-update-aaaaaaa', commits },
      dependencies: { changed: false, summary: 'no dependency change' }, estimate: { ms: 5000, basis: 'history', samples: 1 },
      checkedAt: new Date().toISOString(),
    } satisfies CheckResult;
    expect(viewFromCheck(check).localCommits).toEqual({ branch: 'discord-monitor/before-update-aaaaaaa', commits });
  });

  it('promises no duration before any update was measured, and restates nothing about unchanged dependencies', () => {
    const check = {
      state: 'available', count: 1, commits: [], current: 'a'.repeat(40), target: { ref: 'origin/main', sha: SHA },
      localChanges: [], localCommits: null, dependencies: { changed: false, summary: '' },
      estimate: { ms: 30_000, basis: 'default', samples: 0 }, checkedAt: new Date().toISOString(),
    } satisfies CheckResult;
    expect(viewFromCheck(check).estimate).toBeNull();
    expect(viewFromCheck({ ...check, estimate: { ms: 5200, basis: 'history', samples: 3 } }).estimate).toEqual({ ms: 5200, basis: 'history' });
  });
});
