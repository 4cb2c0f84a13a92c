// V8 runs with --optimize-for-size in the headless app (small when idle); during a burst of live
// messages it runs without it (half the CPU per message), and gets it back after a quiet spell.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BurstMode } from '../../electron/core/bot/burst-mode.js';
import { APP_DIR } from '../helpers/world.js';

const TUNING = join(APP_DIR, 'electron', 'headless', 'v8-tuning.ts');
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

describe('burstMode in a real process', () => {
  it('started as the headless app (V8 tuned for size): the flags change for the burst and are the same again after', () => {
    const [before, during, after] = tags({ DISCORD_MONITOR_V8_DEFAULTS: '' });
    expect(during).not.toBe(before);
    expect(after).toBe(before);
  });

  it('with V8 defaults (DISCORD_MONITOR_V8_DEFAULTS=1) nothing changes', () => {
    const [before, during, after] = tags({ DISCORD_MONITOR_V8_DEFAULTS: '1' });
    expect([during, after]).toEqual([before, before]);
  });
});

describe('BurstMode', () => {
  it('a burst turns the size flag off once; a quiet spell after the last burst turns it back on', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, enabled: () => true });
    mode.busy();
    mode.busy();
    expect(set).toEqual(['--no-optimize-for-size']);
    vi.advanceTimersByTime(900);
    // Still bursting: the quiet spell starts again from here.
    mode.busy();
    vi.advanceTimersByTime(900);
    expect(set).toEqual(['--no-optimize-for-size']);
    vi.advanceTimersByTime(200);
    expect(set).toEqual(['--no-optimize-for-size', '--optimize-for-size']);
    // The next burst turns it off again.
    mode.busy();
    expect(set).toEqual(['--no-optimize-for-size', '--optimize-for-size', '--no-optimize-for-size']);
  });

  it('does nothing in a process not tuned for size (V8 defaults, or the desktop app)', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, enabled: () => false });
    mode.busy();
    vi.advanceTimersByTime(2000);
    expect(set).toEqual([]);
  });

  it('close() gives the size flag back at once, and the quiet timer does not set it again', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    const mode = new BurstMode({ setFlags: (f) => set.push(f), quietMs: 1000, enabled: () => true });
    mode.busy();
    mode.close();
    expect(set).toEqual(['--no-optimize-for-size', '--optimize-for-size']);
    vi.advanceTimersByTime(2000);
    expect(set).toHaveLength(2);
  });
});
