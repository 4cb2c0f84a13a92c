// Discord's IDENTIFY budget as `GET /gateway/bot` reports it (session_start_limit): 1000 session
// starts per 24 h per token, one per 5 s per max_concurrency bucket. Each IDENTIFY spends one.
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionStartLimit {
  total: number;
  remaining: number;
  /** Milliseconds until `remaining` goes back to `total`. */
  reset_after: number;
  max_concurrency: number;
}

interface Budget {
  total: number;
  remaining: number;
  resetAt: number;
  /** Epoch ms of every IDENTIFY received, oldest first. */
  identifies: number[];
}

export class SessionLimits {
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The object `/gateway/bot` returns for this token. */
  limitFor(token: string): SessionStartLimit {
    const b = this.budget(token);
    return { total: b.total, remaining: b.remaining, reset_after: Math.max(0, b.resetAt - this.now()), max_concurrency: 1 };
  }

  /** Spends one session start; false when none was left (Discord would reset the token). */
  spend(token: string): boolean {
    const b = this.budget(token);
    b.identifies.push(this.now());
    if (b.remaining === 0) return false;
    b.remaining--;
    return true;
  }

  /** Tests set a nearly exhausted budget, or a reset in the near future. */
  set(token: string, limit: { total?: number; remaining?: number; resetAfterMs?: number }): void {
    const b = this.budget(token);
    if (limit.total !== undefined) b.total = limit.total;
    if (limit.remaining !== undefined) b.remaining = limit.remaining;
    if (limit.resetAfterMs !== undefined) b.resetAt = this.now() + limit.resetAfterMs;
  }

  identifyTimes(token: string): number[] {
    return [...this.budget(token).identifies];
  }

  private budget(token: string): Budget {
    let b = this.budgets.get(token);
    if (!b) this.budgets.set(token, (b = { total: 1000, remaining: 1000, resetAt: this.now() + DAY_MS, identifies: [] }));
    if (b.resetAt <= this.now()) {
      b.remaining = b.total;
      b.resetAt = this.now() + DAY_MS;
    }
    return b;
  }
}
