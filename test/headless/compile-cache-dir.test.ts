// Where the headless entry puts Node's compile cache (before the real argument parse has run), and that
// enabling it never throws whatever Node answers. The built app's behaviour: compile-cache.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from '../../electron/headless/args.js';
import { compileCacheDirFor, enableCompileCache, flushCompileCache } from '../../electron/headless/compile-cache.js';
import { resolvePaths } from '../../electron/headless/paths.js';

const STATUS = { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };
const tmp = mkdtempSync(join(tmpdir(), 'dm-cc-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Option values the app accepts; a value starting with "-" needs the --data-dir=VALUE form.
const dir = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.startsWith('-') && !s.includes('\0'));
const otherArgs = fc.array(fc.constantFrom(['--port', '0'], ['--host', '127.0.0.1'], ['--no-token'], ['--standby'], ['--listen-fd', '4'], ['--relaunched']), { maxLength: 4 });

describe('the compile cache folder', () => {
  it('is compile-cache in the data folder the app itself resolves from the same command line and environment', () => {
    fc.assert(
      fc.property(fc.option(dir, { nil: undefined }), fc.option(dir, { nil: undefined }), fc.boolean(), otherArgs, (arg, envDir, joined, others) => {
        const argv = [...others.flat(), ...(arg === undefined ? [] : joined ? [`--data-dir=${arg}`] : ['--data-dir', arg])];
        const env = envDir === undefined ? { HOME: '/home/u' } : { HOME: '/home/u', DISCORD_MONITOR_DATA_DIR: envDir };
        const app = resolvePaths(env, '', parseHeadlessArgs(argv, env).dataDir).dataDir;
        expect(compileCacheDirFor(argv, env)).toBe(join(app, 'compile-cache'));
      }),
    );
  });

  it('is none for an empty --data-dir= (never a folder relative to wherever the app was started)', () => {
    expect(compileCacheDirFor(['--data-dir='], {})).toBeNull();
    expect(enableCompileCache(['--data-dir='], { DISCORD_MONITOR_COMPILE_CACHE: '1' }, { enableCompileCache: () => ({ status: STATUS.ENABLED }), constants: { compileCacheStatus: STATUS } } as never)).toEqual({ status: 'skipped' });
  });
});

describe('enabling the compile cache', () => {
  const argv = (name: string) => ['--data-dir', join(tmp, name)];
  const api = (enable: (dir: string) => { status: number; message?: string; directory?: string }) => ({ enableCompileCache: enable, constants: { compileCacheStatus: STATUS } }) as never;

  it("reports Node's refusal instead of throwing", () => {
    expect(enableCompileCache(argv('a'), { DISCORD_MONITOR_COMPILE_CACHE: '1' }, api(() => ({ status: STATUS.FAILED, message: 'EROFS' })))).toEqual({ status: 'failed', directory: join(tmp, 'a', 'compile-cache'), message: 'EROFS' });
    expect(enableCompileCache(argv('b'), { DISCORD_MONITOR_COMPILE_CACHE: '1' }, api(() => { throw new Error('boom'); }))).toMatchObject({ status: 'failed', message: 'boom' });
  });

  it('does nothing on a Node without the API, for --help, or when the user chose or disabled it', () => {
    let called = 0;
    const counting = api((directory) => (called++, { status: STATUS.ENABLED, directory }));
    expect(enableCompileCache(argv('c'), {}, {} as never)).toEqual({ status: 'unsupported' });
    expect(enableCompileCache([...argv('c'), '--help'], {}, counting)).toEqual({ status: 'skipped' });
    expect(enableCompileCache(argv('c'), { NODE_COMPILE_CACHE: '/theirs' }, counting)).toEqual({ status: 'user', directory: '/theirs' });
    expect(enableCompileCache(argv('c'), { NODE_DISABLE_COMPILE_CACHE: '1' }, counting)).toEqual({ status: 'off' });
    expect(enableCompileCache(argv('c'), {}, counting)).toEqual({ status: 'off' });
    expect(called).toBe(0);
    expect(enableCompileCache(argv('c'), { DISCORD_MONITOR_COMPILE_CACHE: '1' }, counting)).toEqual({ status: 'enabled', directory: join(tmp, 'c', 'compile-cache') });
    expect(called).toBe(1);
  });

  it("flushes only a cache that is on (ours or the user's), and a failing flush does not throw", () => {
    let flushed = 0;
    flushCompileCache({ status: 'failed' }, { flushCompileCache: () => void flushed++ });
    flushCompileCache({ status: 'off' }, { flushCompileCache: () => void flushed++ });
    expect(flushed).toBe(0);
    flushCompileCache({ status: 'enabled' }, { flushCompileCache: () => void flushed++ });
    flushCompileCache({ status: 'user' }, { flushCompileCache: () => void flushed++ });
    expect(flushed).toBe(2);
    expect(() => flushCompileCache({ status: 'enabled' }, { flushCompileCache: () => { throw new Error('ENOSPC'); } })).not.toThrow();
  });
});
