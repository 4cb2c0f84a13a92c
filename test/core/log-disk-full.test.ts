// app.log on a disk that refuses writes: a failed write forced a rotation on the next line, so each
// line logged while the disk was full shifted the files once and deleted the oldest: within a few
// lines every earlier log (what the user needs to see why) was gone. A failed write now rotates
// nothing; the file is reopened once the disk accepts writes, and the lines go on in app.log.
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RotatingFile } from '../../electron/core/log/rotating-file.js';
import { fillDisk, mountTmpfs, unmountAll } from '../helpers/disk.js';

let mountDir: string;
beforeEach(() => {
  mountDir = mkdtempSync(join(tmpdir(), 'dm-log-full-'));
  mountTmpfs(mountDir, '1m');
});
afterEach(() => {
  unmountAll();
  rmSync(mountDir, { recursive: true, force: true });
});

it('lines logged while the disk is full delete no earlier log file, and logging resumes in app.log', () => {
  const dir = join(mountDir, 'logs');
  const file = new RotatingFile({ dir, maxBytes: 10_000, keep: 3 });
  file.write('first run\n');
  file.close();
  // An earlier rotation's file, as a long-running app leaves them.
  writeFileSync(join(dir, 'app.1.log'), 'older\n');
  writeFileSync(join(dir, 'app.2.log'), 'oldest\n');
  const log = new RotatingFile({ dir, maxBytes: 10_000, keep: 3 });
  log.write('before\n');
  const filler = fillDisk(mountDir);
  for (let i = 0; i < 20; i++) log.write(`during ${i}: ${'x'.repeat(600)}\n`);
  expect(readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
  expect(readFileSync(join(dir, 'app.1.log'), 'utf8')).toBe('older\n');
  expect(readFileSync(join(dir, 'app.2.log'), 'utf8')).toBe('oldest\n');
  unlinkSync(filler);
  log.write('after\n');
  log.close();
  const text = readFileSync(join(dir, 'app.log'), 'utf8');
  expect(text.startsWith('first run\nbefore\n')).toBe(true);
  expect(text.endsWith('after\n')).toBe(true);
});
