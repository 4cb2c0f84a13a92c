// A backfill page that the disk refuses is held in memory by the storage guard: the saved job
// (backfill.json) must not pass it, or a kill then loses that page for good (the job resumes before it).
// The fault is real: the database's files flagged immutable (chattr +i, as root; ext4 here), so SQLite's
// writes fail with EPERM while the data folder itself, and backfill.json in it, can still be written.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { call, storedIds } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
const flagged: string[] = [];
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });
afterEach(() => unflag());

function chattr(flag: '+i' | '-i', file: string): void {
  try {
    execFileSync('chattr', [flag, file], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`This test flags files immutable (run as root on ext4): chattr ${flag} ${file} failed: ${String(err)}`, { cause: err });
  }
}
function unflag(): void {
  for (const f of flagged.splice(0)) chattr('-i', f);
}

/** What a kill now would leave: the saved job, and the ids on disk (read by a separate connection). */
function onDisk(dataDir: string): { cursor: string | null; ids: Set<string> } {
  const job = JSON.parse(readFileSync(join(dataDir, 'backfill.json'), 'utf8')) as { cursor: string | null };
  const db = new Database(join(dataDir, 'messages.sqlite'), { readonly: true });
  try {
    return { cursor: job.cursor, ids: new Set(db.prepare<[], { id: string }>('SELECT id FROM messages').all().map((r) => r.id)) };
  } finally {
    db.close();
  }
}

const older = (a: string, b: string) => a.length < b.length || (a.length === b.length && a < b);

describe('a backfill while the disk refuses writes', { timeout: 120_000 }, () => {
  it('does not save its position past a page held in memory; it stops, says why, and completes once the disk takes writes', async () => {
    const now = Date.now();
    const history = world.fake.postHistory(world.channelId, [world.userId], 400, now - 3 * DAY, now - 60_000).map((m) => m.id);
    core = await coreFor(world, configuredEnv(world), { historyTuning: { backfillRetryMs: [300] } });
    const c = await startConnected(core, DEADLINE_MS);
    // The first load (catch-up) stored the newest; the backfill reads the rest.
    await call(c, 'messages.list', { limit: 1 });
    for (const f of ['messages.sqlite', 'messages.sqlite-wal']) {
      const file = join(world.dataDir, f);
      expect(existsSync(file), file).toBe(true);
      chattr('+i', file);
      flagged.push(file);
    }

    const stopped = nextEvent(c, 'history.backfill', (v) => v.state === 'failed' || v.state === 'done', DEADLINE_MS);
    await call<BackfillView>(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    const view = await stopped;
    const { cursor, ids } = onDisk(world.dataDir);
    // Everything the saved job has passed (newer than its cursor) is on disk.
    const passed = cursor === null ? [] : history.filter((id) => !older(id, cursor));
    expect(passed.filter((id) => !ids.has(id)), 'passed by the saved job, not on disk').toEqual([]);
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/^History backfill stopped: Cannot save messages/);

    // The disk takes writes again: the guard writes what it held, the retry goes on to the end.
    const done = nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
    unflag();
    const finished = await done;
    expect(await storedIds(c)).toEqual(history);
    // Every message it read was new, the page read twice (before and after the fault) counted once.
    expect(finished.stored).toBe(finished.fetched);
  });
});
