// What malloc-reexec.ts (imported first by the headless entry) applies. glibc's malloc raises its mmap
// threshold each time a large block is freed, so the ≈13 MiB of temporary zones V8 uses to optimise
// undici's WebAssembly HTTP parser (after the first REST replies) end up carved from the heap and kept
// once freed: idle RSS +11 MiB (bench/idle-memory). A fixed threshold hands such blocks back at once.
// 32 KiB, not 128: blocks of 32-64 KiB (V8's compile zones grow in segments of up to 32 KiB) freed after
// a start that connects at once (an update's successor) left the brk heap at 15-16 MiB, pinned by a live
// block above them: +5-6 MiB of free malloc memory at rest (bench/idle-after-traffic, gdb malloc_info);
// 64 KiB did not help.
// One arena instead of one per thread (V8's workers, libuv's pool) keeps another ≈2.4 MiB of per-thread
// slack (median of 5 idle runs; live-ingest CPU per message unchanged within noise).
// glibc reads both from the environment at start only, so the process replaces itself once (execve:
// same pid, which systemd and supervisors keep tracking); children (standby, relaunch) inherit them.
// DISCORD_MONITOR_MALLOC_DEFAULTS=1 keeps glibc's defaults (to compare).
export const MALLOC_TUNING: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '32768', MALLOC_ARENA_MAX: '1' };

/** The environment to re-execute with, or null when there is nothing to do (all set, not glibc, opted out). */
export function mallocTunedEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, canExec: boolean, ipc: boolean): NodeJS.ProcessEnv | null {
  if (platform !== 'linux' || !canExec || env.DISCORD_MONITOR_MALLOC_DEFAULTS === '1') return null;
  // A child with an IPC channel (a handover's successor, the desktop app's standby check): an execve would
  // drop the channel (Node removes NODE_CHANNEL_FD from process.env before any module runs, so ask
  // process.channel). It runs with what its parent set.
  if (ipc) return null;
  // Set by the caller (a service file, the user, the parent process): theirs stands, and no loop.
  if (Object.keys(MALLOC_TUNING).every((key) => Object.hasOwn(env, key))) return null;
  return { ...MALLOC_TUNING, ...env };
}
