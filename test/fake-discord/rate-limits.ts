// Discord's REST rate limits (docs/topics/rate-limits): per-route buckets keyed by route and
// top-level resource, X-RateLimit-* headers on every answer, 429 + retry_after when exceeded, a
// global limit, and a switchable "storm" that refuses every Nth request the way a busy Discord does.
import { createHash } from 'node:crypto';

export interface RateLimitOptions {
  /** Per-route bucket size and window; Discord does not document the numbers, these are typical. */
  perRoute?: { limit: number; resetAfterMs: number };
  /** Requests per second for the whole bot before a global 429 (Discord: 50). */
  globalPerSecond?: number;
  /** Refuses every `every`th request with a 429 of this scope, whatever the bucket says; null to stop. */
  storm?: { every: number; retryAfterMs: number; scope: 'global' | 'shared' | 'user' } | null;
  /** While true every request is answered 503, as during a Discord API outage. */
  down?: boolean;
}

export interface Verdict {
  headers: Record<string, string>;
  /** Set during an API outage (503). */
  unavailable?: boolean;
  /** Set when the request must be answered with this 429 body. */
  limited?: { message: string; retry_after: number; global: boolean };
}

interface Bucket {
  remaining: number;
  resetAt: number;
}

// Generous by default so tests that are not about rate limits run at full speed; tests about them
// switch to Discord's global 50/s and small buckets with FakeDiscord.setRateLimits.
const DEFAULTS: Required<Omit<RateLimitOptions, 'storm' | 'down'>> = { perRoute: { limit: 1000, resetAfterMs: 1000 }, globalPerSecond: 1000 };

/** "GET /channels/1/messages/2" → route "GET /channels/:id/messages/:id" and its top-level resource "1". */
export function routeOf(method: string, path: string): { route: string; major: string } {
  const major = /^\/(?:channels|guilds|webhooks)\/(\d+)/.exec(path)?.[1] ?? '';
  return { route: `${method} ${path.replace(/\d{5,}/g, ':id')}`, major };
}

export class RateLimits {
  readonly requests = new Map<string, number>();
  private opts: RateLimitOptions = {};
  private buckets = new Map<string, Bucket>();
  private global = { count: 0, windowStart: 0 };
  private total = 0;

  configure(opts: RateLimitOptions): void {
    this.opts = { ...this.opts, ...opts };
    this.buckets.clear();
  }

  check(method: string, path: string, now = Date.now()): Verdict {
    const { route, major } = routeOf(method, path);
    this.requests.set(route, (this.requests.get(route) ?? 0) + 1);
    this.total++;
    if (this.opts.down) return { headers: {}, unavailable: true };
    const perRoute = this.opts.perRoute ?? DEFAULTS.perRoute;
    const hash = createHash('sha1').update(route).digest('hex').slice(0, 12);
    const key = `${hash}:${major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) bucket = { remaining: perRoute.limit, resetAt: now + perRoute.resetAfterMs };
    this.buckets.set(key, bucket);
    const storm = this.opts.storm;
    if (storm && this.total % storm.every === 0) return this.limited(storm.scope, storm.retryAfterMs, perRoute.limit, bucket, hash, now);
    if (now - this.global.windowStart >= 1000) this.global = { count: 0, windowStart: now };
    if (++this.global.count > (this.opts.globalPerSecond ?? DEFAULTS.globalPerSecond)) {
      return this.limited('global', this.global.windowStart + 1000 - now, perRoute.limit, bucket, hash, now);
    }
    if (bucket.remaining === 0) return this.limited('user', bucket.resetAt - now, perRoute.limit, bucket, hash, now);
    bucket.remaining--;
    return { headers: this.routeHeaders(perRoute.limit, bucket, hash, now) };
  }

  private routeHeaders(limit: number, b: Bucket, hash: string, now: number): Record<string, string> {
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(b.remaining),
      'x-ratelimit-reset': ((b.resetAt) / 1000).toFixed(3),
      'x-ratelimit-reset-after': (Math.max(0, b.resetAt - now) / 1000).toFixed(3),
      'x-ratelimit-bucket': hash,
    };
  }

  private limited(scope: 'global' | 'shared' | 'user', waitMs: number, limit: number, b: Bucket, hash: string, now: number): Verdict {
    const seconds = Math.max(0.001, waitMs / 1000);
    const global = scope === 'global';
    // A global 429 carries no route headers (docs: Example Exceeded Global Rate Limit Response).
    const headers: Record<string, string> = global ? { 'x-ratelimit-global': 'true' } : this.routeHeaders(limit, b, hash, now);
    headers['retry-after'] = String(Math.ceil(seconds));
    headers['x-ratelimit-scope'] = scope;
    const message = scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.';
    return { headers, limited: { message, retry_after: Number(seconds.toFixed(3)), global } };
  }
}
