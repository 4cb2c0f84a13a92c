// The headless app runs V8 tuned for size (headless/v8-tuning.ts): ~25 MiB less RSS at rest, but in a
// burst of live messages V8 then scavenged 30-60 times per 10,000 messages (8-10 ms each, up to 124 ms)
// and the app's CPU per message doubled. While messages come in bursts every tuned flag is back at V8's
// default (but the code-flushing ones, never changed at run time); after a quiet spell the idle tuning is
// set again, so an app at rest is as small as before (the young generation shrinks back to 1 MiB at its
// next GCs). V8 reads these flags as it goes.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** A burst is over after this long without one. */
const QUIET_MS = 30_000;
/**
 * This many scavenges within GC_WINDOW_MS make a burst too, whoever allocates: the sink calls busy() only
 * for 32+ messages in one turn, which a slow turn (the tuning's own GC pauses) can miss. Tuned for size,
 * a burst scavenged every 30-60 ms; an app at rest a few times a minute.
 */
const GC_BURST = 8;
const GC_WINDOW_MS = 1000;

/**
 * The flags v8-tuning sets, lifted for a burst: the size flag alone was not enough, the 1.5 growth factor
 * still ran a full GC per burst. The old generation grows by 2, not by V8's own factor (up to 4 when its
 * collections are rare): with it a 100,000-message backfill, a long burst, held 84 MiB of old space for
 * 21 live before a full GC and peaked at 195-203 MB RSS (target ≤ 200), 161 MB with 2 at the same paging
 * rate; no full GC in a 10,000-message live burst either way (bench/backfill, bench/live-ingest).
 * The code-flushing flags stay as set at start: changing them while V8 runs corrupted its heap
 * (v8-tuning.ts); the hot path runs too often to be flushed anyway.
 */
export const BURST_FLAGS = '--no-optimize-for-size --heap-growing-percent=100';

/**
 * The young generation's most (both semi-spaces), in bytes. Lifted, V8 grew it to its own limit, which
 * it sizes by the machine's memory: 2 × 64 MiB here (24 GiB), and a 100,000-message backfill's headless
 * app peaked at 280-310 MB RSS (bench/backfill, target ≤ 200). The limit itself (--max-semi-space-size) is
 * read once, from the command line, as V8 starts: set at run time it changes nothing (measured). The growth
 * factor is read at every growth, so a factor of 1 holds the size and V8's 2 lets it grow again. V8 tells
 * of its collections after the fact (a task may run several) and a growth at most doubles the size (not to
 * a power of two: 23 → 47 MiB seen), so it is held from half the cap on.
 */
export const NEW_SPACE_CAP = 32 * 1024 * 1024;
const HOLD_NEW_SPACE = '--semi-space-growth-factor=1';
const GROW_NEW_SPACE = '--semi-space-growth-factor=2';
const newSpaceSize = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

/** Holds the flags headless/v8-tuning.ts applied (no import: that file must run alone, first); unset in the desktop app. */
const SIZE_TUNED = Symbol.for('discord-monitor.v8-size-tuned');
const idleFlags = (): string | null => {
  const mark = (globalThis as Record<symbol, unknown>)[SIZE_TUNED];
  return typeof mark === 'string' ? mark : null;
};

export interface BurstModeOptions {
  setFlags?: (flags: string) => void;
  quietMs?: number;
  /** The idle tuning to go back to; null: the process is not tuned, nothing to lift. */
  idle?: () => string | null;
  /** Watch V8's scavenges (GC_BURST) as well as busy() calls. */
  watchGc?: boolean;
}

export class BurstMode {
  private quiet: NodeJS.Timeout | null = null;
  private restore = '';
  /** The new space reached half NEW_SPACE_CAP: V8's growth factor is 1 until it is smaller again. */
  private holding = false;
  // A plain field, not a parameter property: test/core/burst-mode runs this file with Node's type stripping.
  private readonly o: BurstModeOptions;

  constructor(o: BurstModeOptions = {}) {
    this.o = o;
    if (o.watchGc) this.watchGc();
  }

  private watchGc(): void {
    const recent: number[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) recent.push(e.startTime);
      this.capNewSpace();
      while (recent.length > 0 && recent[0]! < recent.at(-1)! - GC_WINDOW_MS) recent.shift();
      if (recent.length < GC_BURST) return;
      recent.length = 0;
      this.busy();
    }).observe({ type: 'gc' });
  }

  /** The new space stops growing under NEW_SPACE_CAP, and may grow again once V8 shrank it (a full GC, the idle tuning). */
  private capNewSpace(): void {
    const full = newSpaceSize() >= NEW_SPACE_CAP / 2;
    if (full === this.holding) return;
    this.holding = full;
    this.set(full ? HOLD_NEW_SPACE : GROW_NEW_SPACE);
  }

  /** Many messages at once: V8's throughput defaults until QUIET_MS pass without another call. */
  busy(): void {
    if (this.quiet) return void this.quiet.refresh();
    const idle = (this.o.idle ?? idleFlags)();
    if (idle === null) return;
    this.restore = idle;
    this.set(BURST_FLAGS);
    this.quiet = setTimeout(() => this.close(), this.o.quietMs ?? QUIET_MS);
    this.quiet.unref();
  }

  /** Back to the idle tuning now (the burst is over, or monitoring stopped). */
  close(): void {
    if (!this.quiet) return;
    clearTimeout(this.quiet);
    this.quiet = null;
    this.set(this.restore);
    // The idle tuning shrinks the new space at its next collections; the next burst may grow it again.
    if (this.holding) this.set(GROW_NEW_SPACE);
    this.holding = false;
  }

  private set(flags: string): void {
    (this.o.setFlags ?? setFlagsFromString)(flags);
  }
}

/** The process's one: V8's flags are process-wide. */
export const burstMode = new BurstMode({ watchGc: idleFlags() !== null });
