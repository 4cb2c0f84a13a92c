// Discord's IDENTIFY limits, kept for every client this process creates: one new session per 5 s
// (max_concurrency 1) and `session_start_limit` per day (1000), past which Discord resets the token.
// discord.js throttles per client only, and a fresh client not at all, so the gate lives here.
import type { IIdentifyThrottler } from '@discordjs/ws';
import type { GateStore } from './identify-memory.js';

/** Discord's spacing between two IDENTIFYs of one bucket. */
export const IDENTIFY_SPACING_MS = 5000;
/** Below this many session starts left we refuse to start rather than risk a token reset. */
export const SESSION_START_MARGIN = 10;
/**
 * A process started after one that did not shut down cleanly (a crash, a kill) is a crash start. More
 * than CRASH_LOOP_FREE of them within CRASH_LOOP_WINDOW_MS (a day, as Discord counts) double the wait for each further one, up to
 * CRASH_LOOP_MAX_MS: spaced 5.25 s only, a service manager restarting a crashing app spent 10,000-13,000
 * session starts a day of Discord's 1,000 (outside review); with the backoff a loop costs about 100.
 */
export const CRASH_LOOP_FREE = 5;
export const CRASH_LOOP_WINDOW_MS = 86_400_000;
export const CRASH_LOOP_MAX_MS = 15 * 60_000;

export interface SessionStartLimit {
  total: number;
  remaining: number;
  reset_after: number;
  max_concurrency: number;
}

export class SessionBudgetError extends Error {
  readonly code = 'SessionBudget';
  constructor(
    readonly remaining: number,
    readonly resetsAt: number,
  ) {
    super(`Only ${remaining} new Discord sessions are left for this bot token today`);
  }
}

export class IdentifyGate {
  /** When the last session start was reserved or the last IDENTIFY sent. */
  private lastAt = -Infinity;
  private budget: { remaining: number; resetsAt: number; bot: string } | null = null;
  /** The bot starting now (botKey): a budget read for another is not this one's. */
  private bot = '';
  private turn: Promise<void> = Promise.resolve();
  /** Set once this process started its first session. */
  private started = false;
  private processStartAt = -Infinity;
  private cleanExitAt = -Infinity;
  private crashStarts: number[] = [];

  constructor(
    private readonly spacingMs = IDENTIFY_SPACING_MS,
    private readonly now: () => number = Date.now,
    private readonly store: GateStore | null = null,
    private readonly crashLoopFree = CRASH_LOOP_FREE,
  ) {
    this.recall();
  }

  /**
   * Crash starts within the window, this process's first one included when it is one; 0 while no
   * backoff applies (within the free ones, or once this process has started a session).
   */
  crashLoop(): number {
    if (this.started || this.processStartAt <= this.cleanExitAt) return 0;
    const n = this.recentCrashStarts().length + 1;
    return n > this.crashLoopFree ? n : 0;
  }

  /** This process stopped its sessions on purpose (Stop, quit, an update's hand-over): the next process's start is no crash start. */
  stoppedCleanly(): void {
    if (!this.started) return;
    this.cleanExitAt = this.now();
    this.remember();
  }

  private recentCrashStarts(): number[] {
    const since = this.now() - CRASH_LOOP_WINDOW_MS;
    return this.crashStarts.filter((t) => t > since);
  }

  /** Takes in what another process (the previous run, or the one handing over) recorded since. */
  recall(): void {
    const memory = this.store?.load();
    if (!memory) return;
    // A clock set back must not postpone starts forever.
    this.lastAt = Math.max(this.lastAt, Math.min(memory.lastAt, this.now()));
    if (memory.budget) this.budget = memory.budget;
    if (!this.started) {
      this.processStartAt = memory.processStartAt ?? -Infinity;
      this.cleanExitAt = memory.cleanExitAt ?? -Infinity;
      this.crashStarts = memory.crashStarts ?? [];
    }
  }

  /** The bot whose sessions start from now on (its botKey): another bot's budget no longer applies. */
  useBot(bot: string): void {
    this.bot = bot;
  }

  /** Milliseconds to wait before a new session may start. */
  waitMs(): number {
    // 5 % more than the spacing: latency must not make two IDENTIFYs arrive closer than Discord allows.
    const spaced = this.lastAt + this.spacingMs * 1.05;
    const loop = this.crashLoop();
    const backoff = loop ? this.lastAt + Math.min(this.spacingMs * 1.05 * 2 ** (loop - this.crashLoopFree), CRASH_LOOP_MAX_MS) : -Infinity;
    return Math.max(0, Math.ceil(Math.max(spaced, backoff) - this.now()));
  }

  /** A client is being created: its first IDENTIFY uses this slot. */
  reserve(): void {
    this.lastAt = this.now();
    if (!this.started) {
      // The process before this one started a session and never said it shut down cleanly.
      if (this.processStartAt > this.cleanExitAt) this.crashStarts = [...this.recentCrashStarts(), this.lastAt];
      else this.crashStarts = this.recentCrashStarts();
      this.started = true;
      this.processStartAt = this.lastAt;
    }
    this.remember();
  }

  /** Records `session_start_limit` from `GET /gateway/bot`; throws when too few starts are left. */
  observe(limit: SessionStartLimit): void {
    this.budget = { remaining: limit.remaining, resetsAt: this.now() + limit.reset_after, bot: this.bot };
    this.remember();
    this.check();
  }

  /** Throws SessionBudgetError when the last known budget is under the margin. */
  check(): void {
    const b = this.budget;
    if (b && (b.resetsAt <= this.now() || b.bot !== this.bot)) this.budget = null;
    else if (b && b.remaining < SESSION_START_MARGIN) throw new SessionBudgetError(b.remaining, b.resetsAt);
  }

  /**
   * The throttler one client uses: its first IDENTIFY goes at once (the launch reserved the slot),
   * later ones (a session Discord invalidated) wait their turn. Nothing passes once `retired` aborts.
   */
  throttler(retired: AbortSignal, onRefused: (err: SessionBudgetError) => void): IIdentifyThrottler {
    let first = true;
    return {
      waitForIdentify: async (_shardId, signal) => {
        if (!first) await this.waitTurn(AbortSignal.any([signal, retired])).catch(() => undefined);
        first = false;
        if (!retired.aborted && !signal.aborted) {
          try {
            this.check();
            this.lastAt = this.now();
            if (this.budget) this.budget.remaining--;
            this.remember();
            return;
          } catch (err) {
            onRefused(err as SessionBudgetError);
          }
        }
        // Refused or retired: never resolve (that would send the IDENTIFY); reject only when the
        // shard itself gives up waiting, which @discordjs/ws treats as "closed meanwhile".
        await untilAborted(signal);
      },
    };
  }

  private remember(): void {
    this.store?.save({
      lastAt: this.lastAt,
      budget: this.budget,
      crashStarts: this.crashStarts,
      ...(Number.isFinite(this.processStartAt) ? { processStartAt: this.processStartAt } : {}),
      ...(Number.isFinite(this.cleanExitAt) ? { cleanExitAt: this.cleanExitAt } : {}),
    });
  }

  private waitTurn(signal: AbortSignal): Promise<void> {
    const mine = this.turn.then(() => sleep(this.waitMs(), signal));
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}
