// Imported by the headless entry right after the malloc re-exec and V8's flags, before anything heavy
// loads: Node's module compile cache keeps V8's code cache of every module compiled (discord.js and its
// dependencies are ≈3/4 of a start) in <data dir>/compile-cache, so the next start, and above all the
// standby of an update, skips each module's first compile (only what V8 compiles before a module runs is
// cached). bench/standby-compile-cache, CPU to ready: warm −50 to −90 ms (≈10 %), empty +40 to +90 ms.
// Entries are keyed by file path and checked against the source's hash: a release's shared deps folder
// (.releases/deps/<lockfile hash>) hits across releases, a changed file just misses. Best effort: a
// read-only or full folder, a corrupt entry, or an old Node leave the app starting as before.
// Off unless DISCORD_MONITOR_COMPILE_CACHE=1 (idle RSS, below). NODE_COMPILE_CACHE=dir (the user's) wins;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off (both Node's own).
import module from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolvePaths } from './paths.js';

export const COMPILE_CACHE_FOLDER = 'compile-cache';

export interface CompileCacheState {
  /** 'user': NODE_COMPILE_CACHE chose the folder; 'off': not asked for, or NODE_DISABLE_COMPILE_CACHE=1; 'unsupported': Node < 22.1. */
  status: 'enabled' | 'user' | 'off' | 'failed' | 'unsupported' | 'skipped';
  directory?: string;
  /** The subfolder Node uses in `directory` (per Node version and V8 flags), when ours. */
  active?: string;
  message?: string;
}

/** The folder for the data dir this command line runs with (the same rule as the app's: --data-dir, env, default). */
export function compileCacheDirFor(argv: string[], env: NodeJS.ProcessEnv): string | null {
  let dataDirArg: string | undefined;
  try {
    // Lenient: the real parse (args.ts) reports bad options later, with its own message.
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
    const value = values['data-dir'];
    dataDirArg = typeof value === 'string' ? value : undefined;
  } catch {
    return null;
  }
  const { dataDir } = resolvePaths(env, '', dataDirArg);
  return dataDir ? join(dataDir, COMPILE_CACHE_FOLDER) : null;
}

type CacheApi = Pick<typeof module, 'enableCompileCache' | 'constants' | 'getCompileCacheDir'>;

/** Enables the cache for this process; never throws. */
export function enableCompileCache(argv: string[], env: NodeJS.ProcessEnv, api: Partial<CacheApi> = module): CompileCacheState {
  if (env.NODE_DISABLE_COMPILE_CACHE === '1') return { status: 'off' };
  // Node enabled it at start in the user's folder: leave it there (no folder of ours).
  if (env.NODE_COMPILE_CACHE) return { status: 'user', directory: env.NODE_COMPILE_CACHE };
  if (typeof api.enableCompileCache !== 'function' || !api.constants?.compileCacheStatus) return { status: 'unsupported' };
  if (argv.includes('--help') || argv.includes('-h')) return { status: 'skipped' };
  // Opt-in: the cache costs ≈2.3 MiB of idle RSS (bench/idle-memory 89.7 against 87.4 MiB, target ≤ 90)
  // for ≈60 ms less CPU a start; a user who prefers faster starts sets DISCORD_MONITOR_COMPILE_CACHE=1.
  if (env.DISCORD_MONITOR_COMPILE_CACHE !== '1') return { status: 'off' };
  const directory = compileCacheDirFor(argv, env);
  if (!directory) return { status: 'skipped' };
  try {
    // Ours alone (V8 trusts the code it reads back); Node would create it with the default mode.
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const result = api.enableCompileCache(directory);
    const { ENABLED, ALREADY_ENABLED } = api.constants.compileCacheStatus;
    if (result.status === ENABLED || result.status === ALREADY_ENABLED) {
      const active = api.getCompileCacheDir?.();
      return { status: 'enabled', directory: result.directory ?? directory, ...(active && resolve(dirname(active)) === resolve(directory) ? { active } : {}) };
    }
    return { status: 'failed', directory, message: result.message ?? `status ${result.status}` };
  } catch (err) {
    return { status: 'failed', directory, message: (err as Error).message };
  }
}

/** Writes what was compiled so far (Node would only at exit): the running version's entries are there for its successor's standby. */
export function flushCompileCache(state: CompileCacheState, api: { flushCompileCache?: () => void } = module): void {
  if ((state.status !== 'enabled' && state.status !== 'user') || typeof api.flushCompileCache !== 'function') return;
  try {
    api.flushCompileCache();
  } catch {
    // Best effort, as the rest: the next exit tries again.
  }
}
