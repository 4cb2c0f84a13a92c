// V8 runs tuned for size in the headless app (small when idle); during a burst of live
// messages with its defaults (half the CPU per message), and tuned again after a quiet spell.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BURST_FLAGS, BurstMode } from '../../electron/core/bot/burst-mode.js';
import { APP_DIR } from '../helpers/world.js';

const TUNING = join(APP_DIR, 'electron', 'headless', 'v8-tuning.ts');
const IDLE = '--optimize-for-size --heap-growing-percent=50';
const MODE = join(APP_DIR, 'electron', 'core', 'bot', 'burst-mode.ts');
// V8's flag hash (cachedDataVersionTag) before, during and after a burst, in a real Node process.
const SCRIPT = `const { cachedDataVersionTag: tag } = require('node:v8');
import(${JSON.stringify(MODE)}).then(({ burstMode }) => {
  const before = tag();
  burstMode.busy();
  const during = tag();
  burstMode.close();
  process.stdout.write(JSON.stringify([before, during, tag()]));
});`;
const tags = (env: NodeJS.ProcessEnv) => JSON.parse(execFileSync(process.execPath, ['--import', TUNING, '-e', SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8' })) as number[];

afterEach(() => {
  vi.useRealTimers();
});

/** V8's flag hash of a process started with `args` and nothing set at run time. */
const startedWith = (args: string[]) => Number(execFileSync(process.execPath, [...args, '-e', "process.stdout.write(String(require('node:v8').cachedDataVersionTag()))"], { encoding: 'utf8' }));

describe('burstMode in a real process', () => {
  it('started as the headless app (V8 tuned for size): during a burst every tuned flag is back at V8 default, after it the idle tuning again', () => {
    const [before, during, after] = tags({ DISCORD_MONITOR_V8_DEFAULTS: '' });
    expect(before).toBe(startedWith(['--optimize-for-size', '--heap-growing-percent=50', '--bytecode-old-age=1', '--flush-baseline-code']));
    // All of them: with only the size flag lifted, the 1.5 growth factor still ran a full GC per burst
    // and --bytecode-old-age=1 flushed code at each (bench/burst-gc: CPU per message ≈1.5 × defaults).
    expect(during).toBe(startedWith([]));
    expect(after).toBe(before);
  });

  it('many scavenges close together (whatever allocates: a burst the sink did not call busy() for, a catch-up) lift the tuning too', () => {
    // Short-lived garbage until V8's flags change (or 20 s): with the size tuning a 1 MiB young generation
    // scavenges every few ms under this load. Prints the flag hash at the start and once it changed.
    const script = `const { cachedDataVersionTag: tag } = require('node:v8');
import(${JSON.stringify(MODE)}).then(() => {
  const before = tag();
  const end = Date.now() + 20_000;
  const churn = () => {
    let keep = [];
    for (let i = 0; i < 20_000; i++) keep.push({ i, s: 'garbage ' + i });
    if (tag() !== before || Date.now() > end) return process.stdout.write(JSON.stringify([before, tag()]));
    setImmediate(churn);
  };
  churn();
});`;
    const [before, during] = JSON.parse(execFileSync(process.execPath, ['--import', TUNING, '-e', script], { env: { ...process.env, DISCORD_MONITOR_V8_DEFAULTS: '' }, encoding: 'utf8' })) as number[];
    expect(before).toBe(startedWith(['--optimize-for-size', '--heap-growing-percent=50', '--bytecode-old-age=1', '--flush-baseline-code']));
    expect(during).toBe(startedWith([]));
  });

  it('with V8 defaults (DISCORD_MONITOR_V8_DEFAULTS=1) nothing changes', () => {
    const [before, during, after] = tags({ DISCORD_MONITOR_V8_DEFAULTS: '1' });
    expect([during, after]).toEqual([before, before]);
  });
});

describe('BurstMode', () => {
  it('a burst lifts the tuning once; a quiet spell after the last burst sets the idle tuning again', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, idle: () => IDLE });
    mode.busy();
    mode.busy();
    expect(set).toEqual([BURST_FLAGS]);
    vi.advanceTimersByTime(900);
    // Still bursting: the quiet spell starts again from here.
    mode.busy();
    vi.advanceTimersByTime(900);
    expect(set).toEqual([BURST_FLAGS]);
    vi.advanceTimersByTime(200);
    expect(set).toEqual([BURST_FLAGS, IDLE]);
    // The next burst turns it off again.
    mode.busy();
    expect(set).toEqual([BURST_FLAGS, IDLE, BURST_FLAGS]);
  });

  it('does nothing in a process not tuned for size (V8 defaults, or the desktop app)', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, idle: () => null });
    mode.busy();
    vi.advanceTimersByTime(2000);
    expect(set).toEqual([]);
  });

  it('close() sets the idle tuning again at once, and the quiet timer does not set it a second time', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, idle: () => IDLE });
    mode.busy();
    mode.close();
    expect(set).toEqual([BURST_FLAGS, IDLE]);
    vi.advanceTimersByTime(2000);
    expect(set).toHaveLength(2);
  });
});
