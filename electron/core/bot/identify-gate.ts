// Discord's IDENTIFY limits, kept for every client this process creates: one new session per 5 s
// (max_concurrency 1) and `session_start_limit` per day (1000), past which Discord resets the token.
// discord.js throttles per client only, and a fresh client not at all, so the gate lives here.
import type { IIdentifyThrottler } from '@discordjs/ws';
import type { GateStore } from './identify-memory.js';

/** Discord's spacing between two IDENTIFYs of one bucket. */
export const IDENTIFY_SPACING_MS = 5000;
/** Below this many session starts left we refuse to start rather than risk a token reset. */
export const SESSION_START_MARGIN = 10;

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

  constructor(
    private readonly spacingMs = IDENTIFY_SPACING_MS,
    private readonly now: () => number = Date.now,
    private readonly store: GateStore | null = null,
  ) {
    this.recall();
  }

  /** Takes in what another process (the previous run, or the one handing over) recorded since. */
  recall(): void {
    const memory = this.store?.load();
    if (!memory) return;
    // A clock set back must not postpone starts forever.
    this.lastAt = Math.max(this.lastAt, Math.min(memory.lastAt, this.now()));
    if (memory.budget) this.budget = memory.budget;
  }

  /** The bot whose sessions start from now on (its botKey): another bot's budget no longer applies. */
  useBot(bot: string): void {
    this.bot = bot;
  }

  /** Milliseconds to wait before a new session may start. */
  waitMs(): number {
    // 5 % more than the spacing: latency must not make two IDENTIFYs arrive closer than Discord allows.
    return Math.max(0, Math.ceil(this.lastAt + this.spacingMs * 1.05 - this.now()));
  }

  /** A client is being created: its first IDENTIFY uses this slot. */
  reserve(): void {
    this.lastAt = this.now();
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
    this.store?.save({ lastAt: this.lastAt, budget: this.budget });
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
