// Issue 10 §3: during a handover two processes append to the same app.log. When one rotates it, the
// other must follow into the new app.log, not write on into the renamed app.1.log.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { RotatingFile } from '../../electron/core/log/rotating-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-log-shared-'));
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

it('a writer whose app.log was rotated by the other process continues in the new app.log', () => {
  const old = new RotatingFile({ dir, maxBytes: 1000, keep: 3 });
  const standby = new RotatingFile({ dir, maxBytes: 1000, keep: 3 });
  standby.write('standby: ready\n');
  for (let i = 0; i < 20; i++) old.write(`old line ${i} ${'x'.repeat(40)}\n`);
  expect(readFileSync(join(dir, 'app.1.log'), 'utf8')).toContain('standby: ready');
  vi.setSystemTime(Date.now() + 2000);
  standby.write('standby: took over\n');
  const current = readFileSync(join(dir, 'app.log'), 'utf8');
  expect(current).toContain('standby: took over');
  expect(current).toContain('old line 19');
  expect(readFileSync(join(dir, 'app.1.log'), 'utf8')).not.toContain('took over');
  old.close();
  standby.close();
});

it('the size bound counts what the other process wrote: the follower rotates a full shared file', () => {
  const a = new RotatingFile({ dir, maxBytes: 1000, keep: 2 });
  const b = new RotatingFile({ dir, maxBytes: 1000, keep: 2 });
  for (let i = 0; i < 18; i++) a.write(`a ${i} ${'y'.repeat(45)}\n`);
  vi.setSystemTime(Date.now() + 2000);
  for (let i = 0; i < 3; i++) b.write(`b ${i} ${'z'.repeat(45)}\n`);
  expect(readFileSync(join(dir, 'app.log'), 'utf8').length).toBeLessThanOrEqual(1000);
  a.close();
  b.close();
});
