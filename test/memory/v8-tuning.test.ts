// The V8 settings the headless entry applies (electron/headless/v8-tuning.ts) in a real Node process,
// read back through V8's flag hash (v8.cachedDataVersionTag() changes with every flag set, at start or
// at run time). What each one is for, and its measured cost, is said in v8-tuning.ts: the young
// generation's size at rest is also checked in the built app (test/build/idle-footprint.test.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';

const TUNING = join(APP_DIR, 'electron', 'headless', 'v8-tuning.ts');
const PRINT_TAG = "process.stdout.write(String(require('node:v8').cachedDataVersionTag()))";

const tag = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, [...args, '-e', PRINT_TAG], { env: { ...process.env, DISCORD_MONITOR_V8_DEFAULTS: '', ...env }, encoding: 'utf8' });

describe('V8 settings of the headless app', () => {
  it('are --optimize-for-size with a 1.5 old-generation growth factor (ingest CPU), bytecode and baseline code flushed after one full GC (idle heap)', () => {
    const applied = tag(['--import', TUNING]);
    expect(applied).toBe(tag(['--optimize-for-size', '--heap-growing-percent=50', '--bytecode-old-age=1', '--flush-baseline-code']));
    // Not the size setting alone: its old generation grew so little that a burst ran a full GC every few MiB.
    expect(applied).not.toBe(tag(['--optimize-for-size']));
  });

  it('its mark holds the size flags (burst mode sets them again after a burst, core/bot/burst-mode.ts), not the code-flushing ones (never changed at run time)', () => {
    const mark = execFileSync(process.execPath, ['--import', TUNING, '-e', "process.stdout.write(String(globalThis[Symbol.for('discord-monitor.v8-size-tuned')]))"], { env: { ...process.env, DISCORD_MONITOR_V8_DEFAULTS: '' }, encoding: 'utf8' });
    expect(tag([...mark.split(' '), '--bytecode-old-age=1', '--flush-baseline-code'])).toBe(tag(['--import', TUNING]));
    expect(mark).toBe('--optimize-for-size --heap-growing-percent=50');
  });

  it('are V8 defaults with DISCORD_MONITOR_V8_DEFAULTS=1 (to compare)', () => {
    expect(tag(['--import', TUNING], { DISCORD_MONITOR_V8_DEFAULTS: '1' })).toBe(tag([]));
  });
});
