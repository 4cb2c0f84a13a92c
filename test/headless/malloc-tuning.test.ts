// When the headless entry re-executes itself with malloc's settings (electron/headless/malloc-reexec.ts);
// that the running app really has them is test/build/idle-footprint's job.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MALLOC_TUNING, mallocTunedEnv } from '../../electron/headless/malloc-tuning.js';

const MiB = 2 ** 20;
// A Node process that allocates 128 blocks of 64 KiB (above the 32 KiB threshold, below glibc's old
// fixed 128 KiB) and keeps them: how far malloc's brk heap ([heap] in smaps) grew for them.
const HEAP_GROWTH = `
const fs = require('node:fs');
const heap = () => Number(/\\[heap\\]\\nSize:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/self/smaps', 'utf8'))?.[1] ?? 0) * 1024;
const before = heap();
const kept = Array.from({ length: 128 }, () => Buffer.allocUnsafeSlow(64 * 1024));
process.stdout.write(String(heap() - before + kept.length * 0));
`;
const heapGrowth = (env: NodeJS.ProcessEnv) => Number(execFileSync(process.execPath, ['-e', HEAP_GROWTH], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }));

describe('mallocTunedEnv', () => {
  it('adds the settings to the environment on Linux when execve is available', () => {
    expect(mallocTunedEnv({ PATH: '/bin' }, 'linux', true, false)).toEqual({ PATH: '/bin', ...MALLOC_TUNING });
    expect(MALLOC_TUNING).toEqual({ MALLOC_MMAP_THRESHOLD_: '32768', MALLOC_ARENA_MAX: '1' });
  });

  // What the after-an-update idle RSS needed (bench/idle-after-traffic): blocks of 32-128 KiB freed under a
  // live block kept the brk heap at its start-up peak (+5-6 MiB). With the tuning they are mappings of
  // their own, handed back when freed. The control run shows the probe sees the heap grow when they are not.
  it.runIf(process.platform === 'linux')('serves blocks of 32 KiB and more from mappings of their own, not from the brk heap', () => {
    expect(heapGrowth({ ...MALLOC_TUNING })).toBeLessThan(1 * MiB);
    expect(heapGrowth({ ...MALLOC_TUNING, MALLOC_MMAP_THRESHOLD_: '131072' })).toBeGreaterThan(4 * MiB);
  });

  it('does nothing once all are set (the re-executed process: no loop)', () => {
    expect(mallocTunedEnv({ ...MALLOC_TUNING }, 'linux', true, false)).toBeNull();
    expect(mallocTunedEnv({ MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_ARENA_MAX: '4' }, 'linux', true, false)).toBeNull();
  });

  it('keeps a value the user chose and adds only the missing ones', () => {
    expect(mallocTunedEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux', true, false)).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_ARENA_MAX: '1' });
  });

  // Node deletes NODE_CHANNEL_FD from process.env before any module runs: the caller passes process.channel
  // (the real fork is test/headless/malloc-reexec.test.ts).
  it('does nothing in a child with an IPC channel (a standby): its channel must not go through an execve', () => {
    expect(mallocTunedEnv({}, 'linux', true, true)).toBeNull();
  });

  it('does nothing when opted out, off Linux (not glibc) or without process.execve (Node < 22.15)', () => {
    expect(mallocTunedEnv({ DISCORD_MONITOR_MALLOC_DEFAULTS: '1' }, 'linux', true, false)).toBeNull();
    expect(mallocTunedEnv({}, 'darwin', true, false)).toBeNull();
    expect(mallocTunedEnv({}, 'win32', true, false)).toBeNull();
    expect(mallocTunedEnv({}, 'linux', false, false)).toBeNull();
  });
});
