// Per-address connection count (the command budget is electron/core/token-bucket.ts).
import type { Socket } from 'node:net';

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
