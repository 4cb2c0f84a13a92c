// Notices a session that is up in name only, and says so once: heartbeats no longer acknowledged
// (discord.js only notices at its next beat, then waits on a resume that may hang), or a RESUME
// Discord never answers (discord.js waits for RESUMED forever), or a resumed session dead since (discord.js would
// resume it again and again). The monitor replaces the client.
import type { Client } from 'discord.js';
import { lastAckAt } from './gateway.js';
import { Watchdog } from './watchdog.js';

export type Unhealthy = { kind: 'silent'; silentMs: number } | { kind: 'resume-unanswered'; deadlineMs: number } | { kind: 'resumed-dead' };

export interface ConnectionHealthOptions {
  client: Client;
  /** Heartbeat intervals of silence tolerated. */
  watchdogIntervals: number;
  /** Until HELLO's interval is known (Discord's usual one is 41.25 s). */
  defaultIntervalMs: number;
  resumeDeadlineMs: number;
  /**
   * Drops the silent connection so that discord.js resumes the session (none open: it is between two, resuming). Discord's
   * docs (Gateway, Sending Heartbeats): a zombied connection is closed with a code other than 1000/1001,
   * then resumed. The resume has its deadline (resuming()); only a session that cannot resume is replaced.
   */
  dropConnection: () => boolean;
  /** The connection was silent and was dropped to resume. */
  onDropped: (silentMs: number) => void;
  /** Called at most once. */
  onUnhealthy: (why: Unhealthy) => void;
}

export class ConnectionHealth {
  private readonly watchdog: Watchdog;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private resumeTimer: NodeJS.Timeout | null = null;
  private over = false;
  /** The silent connection was dropped to resume, and no RESUMED or READY has come since. */
  private dropped = false;
  /** The last ACK's time when the session was last resumed; null once an ACK has come since (or after a READY). */
  private ackAtResume: number | null = null;

  constructor(private readonly o: ConnectionHealthOptions) {
    this.watchdog = new Watchdog({ intervals: o.watchdogIntervals, defaultIntervalMs: o.defaultIntervalMs, now: Date.now });
  }

  /** Any gateway traffic. */
  activity(): void {
    this.watchdog.activity();
  }

  heartbeatInterval(ms: number): void {
    this.watchdog.setHeartbeatInterval(ms);
  }

  /** The session is up: watch its heartbeats from now on. */
  watch(): void {
    const watchdog = this.watchdog;
    watchdog.activity();
    // HELLO's interval may be known only after the session is up, so re-check at least every second.
    const every = () => Math.min(1_000, Math.max(100, watchdog.thresholdMs / 3));
    const tick = () => {
      if (this.over) return;
      watchdog.observeAck(lastAckAt(this.o.client));
      const silentMs = watchdog.silentFor();
      if (silentMs) {
        // Once per silence: still silent after its resume was tried (the deadline's timer not started), replaced.
        if (this.dropped) return this.fail({ kind: 'silent', silentMs });
        // No socket open is discord.js between two (its 500 ms pause before a resume): it is resuming already.
        this.o.dropConnection();
        this.dropped = true;
        this.o.onDropped(silentMs);
        watchdog.activity();
      }
      this.watchdogTimer = setTimeout(tick, every());
    };
    this.watchdogTimer = setTimeout(tick, every());
  }

  /** The connection dropped and discord.js is resuming. True if this starts the deadline. */
  resuming(): boolean {
    if (this.resumeTimer || this.over) return false;
    const deadlineMs = this.o.resumeDeadlineMs;
    this.resumeTimer = setTimeout(() => this.fail({ kind: 'resume-unanswered', deadlineMs }), deadlineMs);
    return true;
  }

  /**
   * discord.js found the connection zombied (no ACK between two heartbeats) and is closing it to resume. True when
   * the session was resumed last time and no heartbeat has been acknowledged since: Discord answers its RESUME,
   * then nothing, and resuming again would go round forever. It is then replaced (onUnhealthy).
   */
  zombie(): boolean {
    if (this.over || !this.deadSinceResume()) return false;
    this.fail({ kind: 'resumed-dead' });
    return true;
  }

  private deadSinceResume(): boolean {
    if (this.ackAtResume !== null && lastAckAt(this.o.client) !== this.ackAtResume) this.ackAtResume = null;
    return this.ackAtResume !== null;
  }

  /** RESUMED (`resumed`) or a new READY: the deadline is off. */
  recovered(how: 'resumed' | 'ready'): void {
    this.ackAtResume = how === 'resumed' ? lastAckAt(this.o.client) : null;
    this.dropped = false;
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = null;
  }

  stop(): void {
    this.over = true;
    for (const t of [this.watchdogTimer, this.resumeTimer]) if (t) clearTimeout(t);
    this.watchdogTimer = this.resumeTimer = null;
  }

  private fail(why: Unhealthy): void {
    if (this.over) return;
    this.stop();
    this.o.onUnhealthy(why);
  }
}
