// Invariant: at most one discord.js client not yet proven closed exists at any instant.
// This module is the only way to create, replace or destroy one: create() first retires the previous
// client (no shard of it may connect again) and waits until every socket it opened is closed.
import { Client, type ClientOptions } from 'discord.js';
import { WebSocket } from 'ws';
import type { IdentifyGate, SessionBudgetError } from './identify-gate.js';
import { closed, retirableStrategy, type RetirableStrategy } from './retirable-strategy.js';
import { withTimeout } from './gateway.js';
import type { SessionLock } from './session-lock.js';

export interface ClientOwnerOptions {
  gate: IdentifyGate;
  /** Held from create() until the last client is proven closed: no second copy of the app connects meanwhile. */
  lock?: SessionLock;
  lockWaitMs?: number;
  /** How long Discord gets to confirm a close before the sockets are terminated. */
  closeTimeoutMs: number;
  /** The budget check refused an IDENTIFY of a running client (re-identify after an invalid session). */
  onRefused: (err: SessionBudgetError) => void;
}

interface Owned {
  client: Client;
  strategy: RetirableStrategy | null;
}

export interface DestroyResult {
  /** True when Discord did not confirm the close within closeTimeoutMs and sockets were terminated. */
  timedOut: boolean;
}

export class ClientOwner {
  private owned: Owned | null = null;
  private retiring: Promise<DestroyResult> = Promise.resolve({ timedOut: false });

  constructor(private readonly o: ClientOwnerOptions) {}

  /** Retires the current client (if any), waits until it is proven closed, then creates a new one. */
  async create(options: ClientOptions): Promise<Client> {
    await this.destroy();
    // A concurrent create() may have slipped in while we waited: retire it too.
    while (this.owned) await this.destroy();
    // Waits for another copy of the app on this data folder to let go (an update's predecessor), else throws.
    await this.o.lock?.acquire(this.o.lockWaitMs);
    while (this.owned) await this.destroy();
    const owned: Owned = { client: null as unknown as Client, strategy: null };
    const { gate } = this.o;
    const retired = new AbortController();
    owned.client = new Client({
      ...options,
      ws: {
        ...options.ws,
        buildStrategy: retirableStrategy((strategy) => {
          owned.strategy = strategy;
          strategy.retired.addEventListener('abort', () => retired.abort(), { once: true });
          const manager = (strategy as unknown as { manager: unknown }).manager as { fetchGatewayInformation: (force?: boolean) => Promise<{ session_start_limit: Parameters<IdentifyGate['observe']>[0] }> };
          const fetch = manager.fetchGatewayInformation.bind(manager);
          // Every login reads session_start_limit; too little left and login fails before any IDENTIFY.
          manager.fetchGatewayInformation = async (force) => {
            const info = await fetch(force);
            // Retired meanwhile (a stop or the app's shutdown): it never identifies, and the folder may be gone.
            if (!retired.signal.aborted) gate.observe(info.session_start_limit);
            return info;
          };
        }),
        buildIdentifyThrottler: () => gate.throttler(retired.signal, this.o.onRefused),
      },
    });
    this.owned = owned;
    return owned.client;
  }

  /** True for the client create() returned last, until destroy() starts retiring it. */
  isCurrent(client: Client): boolean {
    return this.owned?.client === client;
  }

  /**
   * Drops the current client's connection without a close handshake (a dead gateway answers none): discord.js
   * sees 1006 and resumes the session, as Discord's docs ask of a zombied connection. False if none was open.
   */
  dropConnection(client: Client): boolean {
    const open = this.isCurrent(client) ? (this.owned?.strategy?.openSockets() ?? []) : [];
    for (const socket of open) socket.terminate();
    return open.length > 0;
  }

  /**
   * Ends the close handshakes the current client is waiting on (its close frame is sent): discord.js then goes
   * on at once (ShardReconnecting, resume). Sockets not closing are left alone.
   */
  cutClosing(client: Client): void {
    if (!this.isCurrent(client)) return;
    for (const socket of this.owned?.strategy?.openSockets() ?? []) if (socket.readyState === WebSocket.CLOSING) socket.terminate();
  }

  /**
   * Retires the current client and resolves once every socket it opened is closed: Discord's close
   * confirmation, capped at closeTimeoutMs, then terminated. `force` terminates at once (a dead gateway).
   */
  destroy(opts: { force?: boolean } = {}): Promise<DestroyResult> {
    const owned = this.owned;
    this.owned = null;
    if (owned) this.retiring = this.retiring.then(() => this.retire(owned, opts.force ?? false));
    return this.retiring;
  }

  private async retire({ client, strategy }: Owned, force: boolean): Promise<DestroyResult> {
    const open = strategy?.retire() ?? [];
    if (force) for (const socket of open) socket.terminate();
    const { timedOut } = await withTimeout(client.destroy().catch(() => undefined), this.o.closeTimeoutMs);
    // Left open: a socket still connecting (destroy() does not close those) or a close never confirmed.
    const left = strategy?.openSockets() ?? [];
    for (const socket of left) socket.terminate();
    await Promise.all(left.map(closed));
    // Every socket is closed: another copy may connect now, unless a new client was created meanwhile.
    if (!this.owned) this.o.lock?.release();
    return { timedOut };
  }
}
