// Logs: size rotation while running with a bounded total, and a panel log where a flood of one
// level cannot push out the others.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog, KEEP_FILES, MAX_FILE_BYTES, RECENT_PER_LEVEL } from '../../electron/core/log/logger.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sizes = () => readdirSync(dir).map((name) => ({ name, size: statSync(join(dir, name)).size }));

describe('file rotation while running', () => {
  it('writing more than 25 MB keeps the total within 5 × 5 MB and the newest lines in app.log', () => {
    expect(MAX_FILE_BYTES * KEEP_FILES).toBeLessThanOrEqual(25 * 1024 * 1024);
    const log = createLog({ dir });
    const filler = 'x'.repeat(1000);
    const total = 30 * 1024 * 1024;
    let written = 0;
    let n = 0;
    while (written < total) {
      log.logger.info(`line ${n++} ${filler}`);
      written += filler.length + 60;
    }
    log.logger.info('the very last line');
    log.flush();
    const files = sizes();
    expect(files.map((f) => f.name).sort()).toEqual(['app.1.log', 'app.2.log', 'app.3.log', 'app.4.log', 'app.log']);
    const sum = files.reduce((a, f) => a + f.size, 0);
    expect(sum).toBeLessThanOrEqual(MAX_FILE_BYTES * KEEP_FILES);
    // Rotation happened several times, so the bound was hit, not just not reached.
    expect(sum).toBeGreaterThan(MAX_FILE_BYTES * (KEEP_FILES - 1));
    for (const f of files) expect(f.size).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const current = readFileSync(join(dir, 'app.log'), 'utf8').trimEnd().split('\n');
    expect(JSON.parse(current.at(-1)!)).toMatchObject({ msg: 'the very last line' });
    expect(current.at(-2)).toContain(`"line ${n - 1} `);
    // app.1.log holds the lines just before app.log's first one: nothing lost between files.
    const previous = readFileSync(join(dir, 'app.1.log'), 'utf8').trimEnd().split('\n');
    const lastOfPrevious = Number(/"line (\d+) /.exec(previous.at(-1)!)![1]);
    const firstOfCurrent = Number(/"line (\d+) /.exec(current[0]!)![1]);
    expect(firstOfCurrent).toBe(lastOfPrevious + 1);
  });

  it('rotates at the size limit with small limits, oldest dropped first', () => {
    const log = createLog({ dir, maxFileBytes: 2000, keepFiles: 3 });
    for (let i = 0; i < 200; i++) log.logger.info(`entry ${i}`);
    log.flush();
    const files = sizes();
    expect(files.map((f) => f.name).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const f of files) expect(f.size).toBeLessThanOrEqual(2000);
    expect(readFileSync(join(dir, 'app.2.log'), 'utf8')).not.toContain('"entry 0"');
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toContain('"entry 199"');
  });

  it('continues an existing app.log after a restart and rotates it when full', () => {
    const first = createLog({ dir, maxFileBytes: 3000, keepFiles: 2 });
    first.logger.info('before restart');
    first.flush();
    const second = createLog({ dir, maxFileBytes: 3000, keepFiles: 2 });
    second.logger.info('after restart');
    second.flush();
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toMatch(/before restart[\s\S]*after restart/);
    for (let i = 0; i < 200; i++) second.logger.info(`more ${i}`);
    second.flush();
    expect(readFileSync(join(dir, 'app.1.log'), 'utf8')).not.toContain('before restart');
    expect(sizes().reduce((a, f) => a + f.size, 0)).toBeLessThanOrEqual(6000);
  });

  it('a single line longer than a file is cut to fit rather than break the bound', () => {
    const log = createLog({ dir, maxFileBytes: 4000, keepFiles: 2 });
    log.logger.info('y'.repeat(50_000));
    log.logger.info('after the long one');
    log.flush();
    for (const f of sizes()) expect(f.size).toBeLessThanOrEqual(4000);
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toContain('after the long one');
  });

  it('a deleted log folder is recreated at the next rotation, and logging never throws meanwhile', () => {
    const log = createLog({ dir, maxFileBytes: 2000, keepFiles: 2 });
    log.logger.info('before');
    rmSync(dir, { recursive: true, force: true });
    expect(() => {
      for (let i = 0; i < 100; i++) log.logger.info(`after ${i}`);
    }).not.toThrow();
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toContain('"after 99"');
  });
});

describe("the panel's event log", () => {
  it('a flood of warnings cannot push out errors, and each level keeps its newest entries', () => {
    const log = createLog({ dir });
    log.logger.error('the gateway refused the token');
    log.logger.info('bot started');
    for (let i = 0; i < 5000; i++) log.logger.warn(`flood ${i}`);
    const recent = log.recent();
    expect(recent.filter((e) => e.level === 'error').map((e) => e.message)).toEqual(['the gateway refused the token']);
    expect(recent.filter((e) => e.level === 'info').map((e) => e.message)).toEqual(['bot started']);
    const warns = recent.filter((e) => e.level === 'warn');
    expect(warns).toHaveLength(RECENT_PER_LEVEL);
    expect(warns.at(-1)!.message).toBe('flood 4999');
    expect(warns[0]!.message).toBe(`flood ${5000 - RECENT_PER_LEVEL}`);
    // Oldest first, in the order they were logged.
    const ids = recent.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(recent[0]!.message).toBe('the gateway refused the token');
  });

  it('errors are bounded too', () => {
    const log = createLog({ dir });
    for (let i = 0; i < 1000; i++) log.logger.error(`e${i}`);
    log.logger.info('still here');
    const recent = log.recent();
    expect(recent.filter((e) => e.level === 'error')).toHaveLength(RECENT_PER_LEVEL);
    expect(recent.at(-1)!.message).toBe('still here');
  });
});
