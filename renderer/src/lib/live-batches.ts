// Live messages are applied to the view once per frame, and during a burst at most once per
// BURST_INTERVAL_MS. In a burst hundreds of messages arrive per frame, so every render mounts each
// visible row anew and lays them out: rendering 60 times a second cost the page as much CPU as the
// app's whole ingest during a 10,000-message burst, on the same two cores. Nobody reads faster than
// ten screens a second; the burst's end (a frame bringing fewer) is applied at once.
import { onNextFrame } from './frame';

/** This many new in one frame (2,000 a second) is a burst: it waits for the interval. */
export const BURST_BATCH = 32;
export const BURST_INTERVAL_MS = 100;

export class LiveBatches<T> {
  private pending: T[] = [];
  private scheduled = false;
  private lastAt = -Infinity;
  /** How many were pending at the previous frame: what arrived since tells a burst from a trickle. */
  private counted = 0;
  private closed = false;

  constructor(
    private readonly apply: (batch: T[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    this.counted = 0;
    onNextFrame(this.tick);
  }

  /** Applies what is pending now (before an edit or a deletion, so it never overtakes its create). */
  flush(): void {
    if (this.closed || !this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.lastAt = this.now();
    this.apply(batch);
  }

  close(): void {
    this.closed = true;
    this.pending = [];
  }

  private readonly tick = (): void => {
    if (this.closed) return;
    const arrived = this.pending.length - this.counted;
    // Still coming in bulk and applied less than an interval ago: wait a frame more.
    if (arrived >= BURST_BATCH && this.now() - this.lastAt < BURST_INTERVAL_MS) {
      this.counted = this.pending.length;
      return onNextFrame(this.tick);
    }
    this.scheduled = false;
    this.flush();
  };
}
