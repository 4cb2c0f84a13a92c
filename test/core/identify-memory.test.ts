// The IDENTIFY gate's file is outside input (another process wrote it, or a disk mangled it):
// whatever it holds, loading never throws and yields a usable memory or nothing.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRASH_LOOP_MAX_MS, IdentifyGate } from '../../electron/core/bot/identify-gate.js';
import { fileGateStore } from '../../electron/core/bot/identify-memory.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-gate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('identify-gate.json', () => {
  it('any content loads as null or as finite numbers, and the gate built on it answers a finite wait', () => {
    const file = join(dir, 'identify-gate.json');
    const content = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ lastAt: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)), budget: fc.anything() }).map((v) => JSON.stringify(v)),
      fc
        .record({ lastAt: fc.integer(), processStartAt: fc.oneof(fc.integer(), fc.anything()), cleanExitAt: fc.oneof(fc.integer(), fc.anything()), crashStarts: fc.oneof(fc.array(fc.oneof(fc.integer(), fc.double(), fc.anything()), { maxLength: 300 }), fc.anything()) })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(content, (text) => {
        writeFileSync(file, text);
        const memory = fileGateStore(file).load();
        if (memory) {
          expect(Number.isFinite(memory.lastAt)).toBe(true);
          expect((memory.crashStarts ?? []).every(Number.isFinite)).toBe(true);
          expect(memory.crashStarts?.length ?? 0).toBeLessThanOrEqual(100);
          if (memory.budget) expect([memory.budget.remaining, memory.budget.resetsAt].every(Number.isFinite)).toBe(true);
        }
        const wait = new IdentifyGate(5000, () => 1_000_000, fileGateStore(file)).waitMs();
        expect(wait).toBeGreaterThanOrEqual(0);
        // At most Discord's spacing, or the crash-loop backoff's longest wait.
        expect(wait).toBeLessThanOrEqual(CRASH_LOOP_MAX_MS);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips through a file readable by the user only, and a clock set back does not postpone starts', () => {
    const file = join(dir, 'identify-gate.json');
    let now = 2_000_000;
    const gate = new IdentifyGate(5000, () => now, fileGateStore(file));
    gate.reserve();
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new IdentifyGate(5000, () => now + 1000, fileGateStore(file)).waitMs()).toBe(4250);
    now -= 3_600_000; // the clock went back an hour
    expect(new IdentifyGate(5000, () => now, fileGateStore(file)).waitMs()).toBe(5250);
  });
});
