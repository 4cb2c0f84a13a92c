// Per-connection command budget and per-address connection count.
import type { Socket } from 'node:net';

/** A token bucket: `burst` commands at once, then `perSecond` on average. */
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

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.last) / 1000) * this.rate.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts open sockets per remote address; `admit` says whether one more is allowed. */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();
  constructor(private readonly max: number) {}

  admit(socket: Socket): boolean {
    const address = socket.remoteAddress ?? 'unknown';
    const n = this.open.get(address) ?? 0;
    if (n >= this.max) return false;
    this.open.set(address, n + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    return true;
  }
}
