// Live messages are applied to the view once per frame, and during a burst once per BURST_INTERVAL_MS
// (or when it pauses for BURST_END_QUIET_MS: clumps further apart render each, 20 a second at most).
// In a burst hundreds of messages arrive per frame, so every render mounts each visible row anew and
// lays them out: rendering 60 times a second cost the page as much CPU as the app's whole ingest during
// a 10,000-message burst, on the same two cores. Nobody reads faster than ten screens a second; the
// burst's end (nothing new for BURST_END_QUIET_MS) is applied then.
import { onNextFrame } from './frame';

/** This many waiting at a frame is a burst: applied once per interval, or once it stops coming. */
export const BURST_BATCH = 32;
export const BURST_INTERVAL_MS = 100;
/** A burst has ended once nothing came for this long (a slow turn of the app leaves a frame or two empty). */
export const BURST_END_QUIET_MS = 50;

export class LiveBatches<T> {
  private pending: T[] = [];
  private scheduled = false;
  private lastAt = -Infinity;
  private lastPushAt = -Infinity;
  private closed = false;

  constructor(
    private readonly apply: (batch: T[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(item: T): void {
    this.pending.push(item);
    this.lastPushAt = this.now();
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
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
    const now = this.now();
    if (this.pending.length >= BURST_BATCH && now - this.lastAt < BURST_INTERVAL_MS && now - this.lastPushAt < BURST_END_QUIET_MS) {
      return onNextFrame(this.tick);
    }
    this.scheduled = false;
    this.flush();
  };
}
