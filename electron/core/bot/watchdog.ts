// Detects "online but dead" gateway sessions: heartbeats no longer acknowledged and nothing received.
// discord.js only notices a missed ACK at the next heartbeat and then waits on a resume that may hang.
export interface WatchdogOptions {
  /** Intervals of silence tolerated before forcing a reconnect. */
  intervals: number;
  /** Used until HELLO's interval is known (Discord's usual interval is 41.25 s). */
  defaultIntervalMs: number;
  now: () => number;
}

export class Watchdog {
  private lastAck = -1;
  private intervalMs: number;
  private lastActivity: number;

  constructor(private readonly options: WatchdogOptions) {
    this.intervalMs = options.defaultIntervalMs;
    this.lastActivity = options.now();
  }

  /**
   * Feed the shard's last ACK time: an acknowledged heartbeat is activity. The gap between two ACKs is
   * not the interval: a heartbeat Discord asks for (op 1), or a resumed connection's first (jittered)
   * one, may come a second after the last; 3 × that gap made a quiet, healthy session "silent".
   */
  observeAck(ackAt: number): void {
    if (ackAt <= 0 || ackAt === this.lastAck) return;
    this.lastAck = ackAt;
    this.activity(ackAt);
  }

  /** The interval from the gateway's HELLO, when known. */
  setHeartbeatInterval(ms: number): void {
    if (ms > 0) this.intervalMs = ms;
  }

  activity(at = this.options.now()): void {
    this.lastActivity = Math.max(this.lastActivity, at);
  }

  get thresholdMs(): number {
    return Math.max(500, this.intervalMs * this.options.intervals);
  }

  /** Milliseconds of silence beyond the threshold, or 0 when healthy. */
  silentFor(): number {
    const silent = this.options.now() - this.lastActivity;
    return silent > this.thresholdMs ? silent : 0;
  }
}
