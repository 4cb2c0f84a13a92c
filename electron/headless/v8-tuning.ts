// Imported first by the headless entry, before any other module runs. V8's defaults favour speed over
// memory: the young generation grows to 2 × 16 MiB while the app starts and stays that size, a sixth
// of the idle RSS. --optimize-for-size keeps it at ≈1 MiB and makes V8 return memory sooner (idle RSS
// −22 to −26 MiB, bench/idle-memory). Alone it also grows the old generation so little that a burst of
// messages ran a full GC every few MiB: bench/ingest-stages, CPU µs a message, event loop + other threads
// (GC helpers, write thread): defaults 11-16 + 10-12, size alone 21 + 54-56. A 1.5 growth factor halves
// that (14-16 + 24-27) at no idle cost within noise. --bytecode-old-age=1 drops the bytecode of code not
// run since the last full GC (startup, settings, the first REST calls): −3 MiB of heap at rest, ≈−1.5
// MiB RSS; a flushed function compiles again when next called (the live path runs too often to be).
// --flush-baseline-code does the same for Sparkplug's baseline code (off in V8 by default): code space
// 1.3-1.8 -> 0.5 MiB at rest, ≈-2 MiB RSS after an update with traffic (bench/idle-after-traffic).
// DISCORD_MONITOR_V8_DEFAULTS=1 keeps V8's defaults (to compare).
// During a burst of live messages the first two are back at V8's defaults for a while (core/bot/burst-mode.ts
// restores the flags the mark below holds; no import, so this file runs alone as the first module).
// The code-flushing two are set here, before any code runs, and never changed: burst mode flipped them
// too, and --flush-baseline-code changed while a concurrent marker flushed code corrupted V8's heap
// (SIGSEGV, "Check failed: !IsFreeSpaceOrFillerMap(map)"; test/core/burst-mode). The size flags are safe.
import { setFlagsFromString } from 'node:v8';

/** What burst mode lifts during a burst and sets again after it. */
export const V8_TUNING = '--optimize-for-size --heap-growing-percent=50';
/** Set once at start, never at run time. */
export const V8_CODE_TUNING = '--bytecode-old-age=1 --flush-baseline-code';

if (process.env.DISCORD_MONITOR_V8_DEFAULTS !== '1') {
  setFlagsFromString(`${V8_TUNING} ${V8_CODE_TUNING}`);
  (globalThis as Record<symbol, unknown>)[Symbol.for('discord-monitor.v8-size-tuned')] = V8_TUNING;
}
