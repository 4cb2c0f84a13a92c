// Invariant 6 — a service manager restarting a crashing app must not spend Discord's 1,000 daily session
// starts. Spaced 5.25 s only, a loop of runs that died a few seconds after connecting IDENTIFYed 10,000-
// 13,000 times a day (outside review, under a real supervisord). Processes are simulated here: a new gate
// on the same file per process, a clock that moves by each wait.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRASH_LOOP_FREE, CRASH_LOOP_MAX_MS, IdentifyGate } from '../../electron/core/bot/identify-gate.js';
import { fileGateStore } from '../../electron/core/bot/identify-memory.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-crash-loop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;

/** Processes started one after another for `ms`, each living `lifeMs` after its session started; the session starts of each. */
function loop(ms: number, lifeMs: number, clean: boolean): number[] {
  const file = join(dir, 'identify-gate.json');
  let now = 1_800_000_000_000;
  const end = now + ms;
  const starts: number[] = [];
  while (now < end) {
    const gate = new IdentifyGate(5000, () => now, fileGateStore(file));
    now += gate.waitMs();
    gate.reserve();
    starts.push(now);
    now += lifeMs;
    if (clean) gate.stoppedCleanly();
    now += 1000; // the manager's restart delay
  }
  return starts;
}

describe('a crash loop', () => {
  it('crashing 3 s after connecting, restarted at once, for a day: about a hundred session starts, not thousands', () => {
    const starts = loop(DAY, 3000, false);
    console.log(`[measure] crash loop, one day: ${starts.length} session starts (5.25 s spacing alone: ${Math.floor(DAY / 9250)})`);
    expect(starts.length).toBeLessThanOrEqual(150);
    // The first ones are not held back: a crash or two is no loop.
    expect(starts[CRASH_LOOP_FREE - 1]! - starts[0]!).toBeLessThan(CRASH_LOOP_FREE * 10_000);
    // Never more than the longest wait apart once it is reached (it keeps trying).
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(CRASH_LOOP_MAX_MS + 4000);
  });

  it('runs that stop cleanly (Stop, quit, an update\'s hand-over) are no crash loop: only Discord\'s spacing', () => {
    const starts = loop(3_600_000, 3000, true);
    expect(starts.length).toBeGreaterThan(300);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5250 + 4000);
    expect(starts.length).toBeGreaterThan(300);
  });

  it('a day after the last crash starts, the next one is not held back', () => {
    const file = join(dir, 'identify-gate.json');
    let now = 1_800_000_000_000;
    for (let i = 0; i < 12; i++) {
      const gate = new IdentifyGate(5000, () => now, fileGateStore(file));
      now += gate.waitMs();
      gate.reserve();
      now += 3000;
    }
    expect(new IdentifyGate(5000, () => now, fileGateStore(file)).crashLoop()).toBeGreaterThan(CRASH_LOOP_FREE);
    now += DAY;
    const later = new IdentifyGate(5000, () => now, fileGateStore(file));
    expect(later.crashLoop()).toBe(0);
    expect(later.waitMs()).toBe(0);
  });
});
