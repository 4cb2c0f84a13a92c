import * as fsp from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimateDuration, median } from '../../electron/core/update/estimate.js';
import { JOURNAL_FILE, UpdateJournal, type JournalFs } from '../../electron/core/update/journal.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('UpdateJournal', () => {
  it('records an update from begin to finish', async () => {
    const journal = new UpdateJournal(dir);
    const entry = await journal.begin({ from: 'aaa' });
    expect(await journal.pending()).toMatchObject({ id: entry.id, outcome: 'running', pid: process.pid });
    await journal.patch(entry.id, { to: 'bbb' });
    await journal.recordStep(entry.id, { step: 'build', status: 'running', durationMs: 0 });
    await journal.recordStep(entry.id, { step: 'build', status: 'failed', durationMs: 12, error: 'boom' });
    await journal.finish(entry.id, { outcome: 'rolled-back', error: 'boom', failedStep: 'build' });
    const [saved] = await new UpdateJournal(dir).entries();
    expect(saved).toMatchObject({ from: 'aaa', to: 'bbb', outcome: 'rolled-back', failedStep: 'build', error: 'boom' });
    expect(saved?.steps).toEqual([{ step: 'build', status: 'failed', durationMs: 12, error: 'boom' }]);
    expect(saved?.finishedAt).not.toBeNull();
    expect(await journal.pending()).toBeNull();
  });

  it('writes atomically: a crash while writing leaves the previous journal intact', async () => {
    const journal = new UpdateJournal(dir);
    const first = await journal.begin({ from: 'aaa' });
    const before = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
    // Simulates the process dying half-way through writing the file.
    const crashing: JournalFs = {
      ...fsp,
      writeFile: async (path, data) => {
        await fsp.writeFile(path, data.slice(0, 20));
        throw new Error('ENOSPC: no space left on device');
      },
    };
    await expect(new UpdateJournal(dir, crashing).finish(first.id, { outcome: 'success' })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual([JOURNAL_FILE]);
    expect((await journal.pending())?.id).toBe(first.id);
  });

  it('sets a corrupt file aside instead of failing', async () => {
    writeFileSync(join(dir, JOURNAL_FILE), '{"version":1,"entr');
    const journal = new UpdateJournal(dir);
    expect(await journal.entries()).toEqual([]);
    await journal.begin({ from: 'aaa' });
    expect(readdirSync(dir).some((f) => f.startsWith(`${JOURNAL_FILE}.corrupt-`))).toBe(true);
    expect(await journal.entries()).toHaveLength(1);
  });

  it('completes a restarting entry after the restart', async () => {
    const journal = new UpdateJournal(dir);
    const a = await journal.begin({ from: 'aaa' });
    await journal.finish(a.id, { outcome: 'restarting' });
    expect(await journal.completeAfterRestart(true)).toMatchObject({ outcome: 'success', error: null });
    const b = await journal.begin({ from: 'bbb' });
    await journal.finish(b.id, { outcome: 'restarting' });
    expect(await journal.completeAfterRestart(false, { error: 'crashed twice' })).toMatchObject({ outcome: 'rolled-back', error: 'crashed twice' });
    expect(await journal.completeAfterRestart(true)).toBeNull();
  });

  it('keeps the durations of successful updates only, newest first', async () => {
    const journal = new UpdateJournal(dir);
    const now = Date.now();
    for (const [ms, outcome] of [[5_000, 'success'], [99_000, 'rolled-back'], [7_000, 'restarting'], [9_000, 'success']] as const) {
      const e = await journal.begin({ from: 'x', now: new Date(now - ms) });
      await journal.finish(e.id, { outcome, now: new Date(now) });
    }
    expect(await journal.recentDurations()).toEqual([9_000, 7_000, 5_000]);
    expect(estimateDuration(await journal.recentDurations())).toEqual({ ms: 7_000, basis: 'history', samples: 3 });
  });
});

describe('median / estimate', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('falls back to a stated default without history', () => {
    expect(estimateDuration([])).toEqual({ ms: 30_000, basis: 'default', samples: 0 });
  });
});
