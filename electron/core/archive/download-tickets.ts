// One-time download tickets: the browser cannot add an Authorization header to a download link,
// and the access token must never sit in a URL (history, logs). The panel asks for a ticket over its
// authenticated WebSocket; the ticket is good for one download within a minute.
import { randomBytes } from 'node:crypto';

const TTL_MS = 60_000;
const MAX_OPEN = 16;

export class DownloadTickets<T> {
  private readonly open = new Map<string, { value: T; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(value: T): string {
    this.sweep();
    // Oldest first out: a panel that asks in a loop cannot grow the map.
    while (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value!);
    const ticket = randomBytes(24).toString('base64url');
    this.open.set(ticket, { value, expires: this.now() + TTL_MS });
    return ticket;
  }

  /** The ticket's value once; null when unknown, used or expired. */
  redeem(ticket: string): T | null {
    const entry = this.open.get(ticket);
    this.open.delete(ticket);
    return entry && entry.expires > this.now() ? entry.value : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [t, e] of this.open) if (e.expires <= now) this.open.delete(t);
  }
}
