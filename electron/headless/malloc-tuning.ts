// What malloc-reexec.ts (imported first by the headless entry) applies. glibc's malloc raises its mmap
// threshold each time a large block is freed, so the ≈13 MiB of temporary zones V8 uses to optimise
// undici's WebAssembly HTTP parser (after the first REST replies) end up carved from the heap and kept
// once freed: idle RSS +11 MiB (bench/idle-memory). A fixed threshold hands such blocks back at once.
// glibc reads it from the environment at start only, so the process replaces itself once (execve: same
// pid, which systemd and supervisors keep tracking); children (standby, relaunch) inherit it.
// DISCORD_MONITOR_MALLOC_DEFAULTS=1 keeps glibc's defaults (to compare).
export const MALLOC_TUNING: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The environment to re-execute with, or null when there is nothing to do (already set, not glibc, opted out). */
export function mallocTunedEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, canExec: boolean): NodeJS.ProcessEnv | null {
  if (platform !== 'linux' || !canExec || env.DISCORD_MONITOR_MALLOC_DEFAULTS === '1') return null;
  // A child with an IPC channel (the desktop app's standby check, short-lived): the channel stays untouched.
  if (Object.hasOwn(env, 'NODE_CHANNEL_FD')) return null;
  // Set by the caller (a service file, the parent process): theirs stands, and no loop.
  if (Object.keys(MALLOC_TUNING).some((key) => Object.hasOwn(env, key))) return null;
  return { ...env, ...MALLOC_TUNING };
}
