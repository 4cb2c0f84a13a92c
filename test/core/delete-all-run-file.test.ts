// The last "delete all" run as kept on disk (archive/delete-all/run-file.ts), read at the next start. A review found
// a damaged file (or another version's) accepted as it was, which took the panel down when the archive opened, and
// a second copy of the app (the desktop app starting while the service deletes) calling a run still going cut short.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { DeleteProgress } from '../../shared/archive.js';
import { lastRun, saveRun } from '../../electron/core/archive/delete-all/run-file.js';
import { sayCore } from '../../renderer/src/i18n/core-text.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function runFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-run-file-'));
  dirs.push(dir);
  return join(dir, 'delete-all-run.json');
}

const DONE: DeleteProgress = {
  state: 'done', deleted: 3, bulk: 1, single: 2, failed: 0, startedAt: 1, finishedAt: 2, backup: '/b.json', channel: 'general', message: 'Done.',
  i18n: { key: 'archive.deleteDone', params: { deleted: 3, bulk: 1, single: 2, failed: 0, seconds: '1.0' } },
};

it('any run file (fuzzed from a valid one): no run, or one the panel says in either language without throwing', () => {
  const file = runFile();
  const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.object(), fc.constant({ key: 'archive.deleteDone' }), fc.constant({ key: 'archive.deleteDone', params: { deleted: null } }));
  const keys = fc.constantFrom('state', 'deleted', 'message', 'i18n', 'backup', 'channel', 'finishedAt', 'pid');
  fc.assert(
    fc.property(fc.dictionary(keys, anyValue, { maxKeys: 3 }), (changes) => {
      writeFileSync(file, JSON.stringify({ ...DONE, ...changes }));
      const got = lastRun(file);
      if (!got) return;
      for (const language of ['en', 'fr'] as const) expect(typeof sayCore(language, got.run.message, got.run.i18n)).toBe('string');
    }),
    { numRuns: 300 },
  );
  writeFileSync(file, '{"state": "done", "deleted": 3, "message": null}');
  expect(lastRun(file)).toBeNull();
});

it('a run still going in another copy of the app (its process alive): not called cut short, the file left as it is', () => {
  const file = runFile();
  writeFileSync(file, JSON.stringify({ ...DONE, state: 'running', finishedAt: null, pid: process.pid + 1 }));
  const before = readFileSync(file, 'utf8');
  expect(lastRun(file, Date.now(), () => true)).toBeNull();
  expect(readFileSync(file, 'utf8')).toBe(before);
  // Its process gone (killed): cut short, said.
  expect(lastRun(file, Date.now(), () => false)).toMatchObject({ interrupted: true, run: { state: 'failed', i18n: { key: 'archive.deleteInterrupted' } } });
});

it('saved with the pid of the process running it', () => {
  const file = runFile();
  saveRun(file, { ...DONE, state: 'running' });
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ state: 'running', pid: process.pid });
});
