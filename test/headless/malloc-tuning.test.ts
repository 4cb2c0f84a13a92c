// When the headless entry re-executes itself with malloc's settings (electron/headless/malloc-reexec.ts);
// that the running app really has them is test/build/idle-footprint's job.
import { describe, expect, it } from 'vitest';
import { MALLOC_TUNING, mallocTunedEnv } from '../../electron/headless/malloc-tuning.js';

describe('mallocTunedEnv', () => {
  it('adds the settings to the environment on Linux when execve is available', () => {
    expect(mallocTunedEnv({ PATH: '/bin' }, 'linux', true)).toEqual({ PATH: '/bin', ...MALLOC_TUNING });
    expect(MALLOC_TUNING).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_ARENA_MAX: '1' });
  });

  it('does nothing once all are set (the re-executed process: no loop)', () => {
    expect(mallocTunedEnv({ ...MALLOC_TUNING }, 'linux', true)).toBeNull();
    expect(mallocTunedEnv({ MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_ARENA_MAX: '4' }, 'linux', true)).toBeNull();
  });

  it('keeps a value the user chose and adds only the missing ones', () => {
    expect(mallocTunedEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux', true)).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_ARENA_MAX: '1' });
  });

  it('does nothing in a child with an IPC channel (a standby check): its channel must not go through an execve', () => {
    expect(mallocTunedEnv({ NODE_CHANNEL_FD: '3' }, 'linux', true)).toBeNull();
  });

  it('does nothing when opted out, off Linux (not glibc) or without process.execve (Node < 22.15)', () => {
    expect(mallocTunedEnv({ DISCORD_MONITOR_MALLOC_DEFAULTS: '1' }, 'linux', true)).toBeNull();
    expect(mallocTunedEnv({}, 'darwin', true)).toBeNull();
    expect(mallocTunedEnv({}, 'win32', true)).toBeNull();
    expect(mallocTunedEnv({}, 'linux', false)).toBeNull();
  });
});
