// The headless app runs V8 with --optimize-for-size (headless/v8-tuning.ts): ~25 MiB less RSS at rest,
// but in a burst of live messages V8 then scavenged 30-60 times per 10,000 messages (8-10 ms each,
// up to 124 ms) and the app's CPU per message doubled (84-98 µs against 43-54 with V8's defaults, same
// run). While messages come in bursts the flag is off; after a quiet spell it is on again, so an app
// at rest is as small as before. V8 reads the flag as it goes (v8-tuning sets it after start too).
import { setFlagsFromString } from 'node:v8';

/** A burst is over after this long without one. */
const QUIET_MS = 30_000;

/** Set by headless/v8-tuning.ts once it applied --optimize-for-size; the desktop app never sets it. */
const SIZE_TUNED = Symbol.for('discord-monitor.v8-size-tuned');
const sizeTuned = () => (globalThis as Record<symbol, unknown>)[SIZE_TUNED] === true;

export interface BurstModeOptions {
  setFlags?: (flags: string) => void;
  quietMs?: number;
  enabled?: () => boolean;
}

export class BurstMode {
  private quiet: NodeJS.Timeout | null = null;
  // A plain field, not a parameter property: test/core/burst-mode runs this file with Node's type stripping.
  private readonly o: BurstModeOptions;

  constructor(o: BurstModeOptions = {}) {
    this.o = o;
  }

  /** Many messages at once: V8's throughput defaults until QUIET_MS pass without another call. */
  busy(): void {
    if (this.quiet) return void this.quiet.refresh();
    if (!(this.o.enabled ?? sizeTuned)()) return;
    this.set('--no-optimize-for-size');
    this.quiet = setTimeout(() => this.close(), this.o.quietMs ?? QUIET_MS);
    this.quiet.unref();
  }

  /** Back to the size tuning now (the burst is over, or monitoring stopped). */
  close(): void {
    if (!this.quiet) return;
    clearTimeout(this.quiet);
    this.quiet = null;
    this.set('--optimize-for-size');
  }

  private set(flags: string): void {
    (this.o.setFlags ?? setFlagsFromString)(flags);
  }
}

/** The process's one: V8's flags are process-wide. */
export const burstMode = new BurstMode();
