// During a burst a panel is not sent each new message: they are counted (event-frames.ts) and it gets
// a `message.skipped` notice with the newest at most four times a second, and as soon as the burst
// pauses. Sent one by one, a 10,000-message burst was 7 MB the page parsed and rendered while the app
// stored it on the same two cores: the panel cost as much CPU as the ingest and slowed it by half.
// Nobody reads ten thousand messages a second; the store has them all for scrolling back.

/** This many new messages within PACE_WINDOW_MS are a burst (320 a second). */
export const PACE_BURST = 32;
export const PACE_WINDOW_MS = 100;
/**
 * During a burst a panel gets a notice at most this often: four screens a second. Each notice renders
 * the newest rows anew; at ten a second Chromium's renderer spent ~170 ms of CPU per 10,000-message
 * burst, at four ~110 (bench/live-ingest, same hour, alternating).
 */
export const PACE_INTERVAL_MS = 250;
/** A burst has paused (or ended) once nothing new came for this long: its newest are sent then. */
export const PACE_QUIET_MS = 15;

/** Counts new messages per window: a burst is PACE_BURST of them within one. */
export class BurstDetector {
  private start = -Infinity;
  private count = 0;

  /** `n` new messages at `now`: true while they come at a burst's rate. */
  add(n: number, now: number): boolean {
    if (now - this.start > PACE_WINDOW_MS) {
      this.start = now;
      this.count = 0;
    }
    this.count += n;
    return this.count >= PACE_BURST;
  }
}

/** What became of a panel's run of counted messages at a flush. */
export type NoticeFate = 'none' | 'sent' | 'held';

/** One panel's pacing: holds new messages during a burst; its timer asks for a flush when a notice is due. */
export class PanelPace {
  private paced = false;
  private due = false;
  private last = 0;
  private timer: NodeJS.Timeout | null = null;

  /** Set when the pending due time is a pause's (before the interval's). */
  private onPause = false;

  /**
   * `wake`: flush now (the notice is due, or new messages wait). `queued`: new messages wait for the next
   * flush. A pause's due time that finds some was a slow turn, not a pause (timers run before the turn
   * reads the socket; 15 ms turns are common on a busy machine): they are counted, no notice yet — a
   * 10,000-message burst brought the page 4-21 notices, each a render, instead of 2-4.
   */
  constructor(
    private readonly wake: () => void,
    private readonly queued: () => boolean = () => false,
  ) {}

  get active(): boolean {
    return this.paced;
  }

  /** New messages are counted, not sent: in a burst, between notices. */
  get holding(): boolean {
    return this.paced && !this.due;
  }

  /** A notice is due and waits for the panel to read what it was sent. */
  get waiting(): boolean {
    return this.paced && this.due;
  }

  start(now: number): void {
    if (this.paced) return;
    this.paced = true;
    this.last = now;
  }

  /**
   * After a flush of a paced panel: `came`, new messages in it; `notice`, what became of its run. The
   * next notice is due PACE_QUIET_MS after the last new message, PACE_INTERVAL_MS after the last notice
   * at the latest; a due time with nothing new ends the burst: messages go one by one again.
   */
  flushed(came: boolean, notice: NoticeFate, now: number): void {
    if (this.due) {
      // Behind (live-flow.ts): the notice goes once the panel has read (EventFrames.drained).
      if (notice === 'held') return;
      this.due = false;
      this.last = now;
      if (notice === 'none' && !came) return void (this.paced = false);
    }
    if (!came && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    const at = Math.min(this.last + PACE_INTERVAL_MS, now + PACE_QUIET_MS);
    this.onPause = at < this.last + PACE_INTERVAL_MS;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.onPause || !this.queued()) this.due = true;
      this.wake();
    }, Math.max(0, at - now));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.paced = this.due = false;
  }
}
