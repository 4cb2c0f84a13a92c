// A token bucket for panel commands: the headless WebSocket bridge and the desktop IPC share it,
// so a flooding page gets the same `rate-limited` answer whichever way it talks to the core.
import type { Envelope } from '../../shared/api.js';
import { coreText } from '../../shared/core-text.js';

export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly rate: { perSecond: number; burst: number },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  /** `burst` commands at once, then `perSecond` on average. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.last) / 1000) * this.rate.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function rateLimited(rate: { perSecond: number; burst: number }): Envelope {
  const said = coreText('command.rateLimited', { perSecond: rate.perSecond, burst: rate.burst });
  return { ok: false, error: { code: 'rate-limited', message: said.text, i18n: said.i18n } };
}
