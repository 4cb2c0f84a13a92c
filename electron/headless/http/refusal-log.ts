// Refused connections are counted and summed up once per interval: an attacker (or a tab with a
// stale token) retrying in a loop must not flood the log and push real entries out.
import type { Logger } from 'pino';

const PHRASES = {
  token: 'with a wrong or missing access token',
  origin: 'from a page of another site (Origin header)',
  host: 'addressed to another host name (Host header, DNS rebinding)',
  capacity: 'over the connection limits',
  protocol: 'that broke the WebSocket protocol',
  pipeline: 'that sent too many requests without reading the answers',
} as const;

export type RefusalReason = keyof typeof PHRASES;

export class RefusalLog {
  private counts = new Map<RefusalReason, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  refused(reason: RefusalReason, from: string | undefined): void {
    if (this.timer) {
      this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
      return;
    }
    // The first refusal of a quiet spell is logged at once: it is what a user debugging a wrong URL needs.
    this.logger.warn(`Refused a panel connection ${PHRASES[reason]} from ${from ?? 'an unknown address'}. Further refusals are summed up every ${this.window()}.`);
    this.startWindow();
  }

  /** Writes out what the current interval has counted (at shutdown). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flush();
  }

  private startWindow(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      // A window with refusals opens the next one; a quiet window ends the spell.
      if (this.flush()) this.startWindow();
    }, this.intervalMs).unref();
  }

  private flush(): boolean {
    const entries = [...this.counts.entries()];
    this.counts = new Map();
    if (entries.length === 0) return false;
    const total = entries.reduce((n, [, c]) => n + c, 0);
    const plural = total === 1 ? 'connection' : 'connections';
    if (entries.length === 1) {
      const [[reason]] = entries as [[RefusalReason, number]];
      this.logger.warn(`Refused ${total} panel ${plural} ${PHRASES[reason]} in the last ${this.window()}.`);
    } else {
      const parts = entries.map(([reason, n]) => `${n} ${PHRASES[reason]}`).join(', ');
      this.logger.warn(`Refused ${total} panel ${plural} in the last ${this.window()}: ${parts}.`);
    }
    return true;
  }

  private window(): string {
    return this.intervalMs === 60_000 ? 'minute' : `${this.intervalMs / 1000} s`;
  }
}
