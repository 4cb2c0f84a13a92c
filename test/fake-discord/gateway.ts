// The gateway half of the fake: HELLO/IDENTIFY/RESUME, heartbeats, sequenced dispatches,
// and the bookkeeping tests assert on (live sessions per token, close codes, counts).
// This class is the surface FakeDiscord drives; the work is in gateway/ (core, handshake, dispatch, faults).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { FakeChannel, FakeGuild, FakeMessage } from './model.js';
import type { SessionLimits } from './session-limit.js';
import type { State } from './state.js';
import { GatewayCore, type GatewayOptions, type TokenStats } from './gateway/core.js';
import * as dispatch from './gateway/dispatch.js';
import * as faults from './gateway/faults.js';
import { accept } from './gateway/handshake.js';

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly core: GatewayCore;

  constructor(state: State, opts: GatewayOptions) {
    this.core = new GatewayCore(state, opts);
  }

  /** IDENTIFY budget per token, served by `/gateway/bot` too. */
  get limits(): SessionLimits {
    return this.core.limits;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.core.attempts++;
    this.core.opts.onChange();
    // An outage: the connection is cut before the upgrade, which clients see as ECONNRESET.
    if (this.inOutage()) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => accept(this.core, ws));
  }

  // ---- counts ----

  /** Sessions of `token` live right now: accepted, socket open (no close frame seen) and heartbeating. */
  liveSessions(token: string): number {
    return this.core.liveSessions(token);
  }

  /** Gateway connection attempts, refused ones included. */
  connectionAttempts(): number {
    return this.core.attempts;
  }

  connectionCount(): number {
    return this.core.conns.size;
  }

  stat(token: string): TokenStats {
    return this.core.stat(token);
  }

  resetStats(): void {
    const tokens = [...this.core.stats.keys()];
    this.core.stats = new Map();
    // "Highest seen since reset" starts from what is live at the moment of the reset.
    for (const t of tokens) this.core.stat(t).maxLive = this.core.liveSessions(t);
  }

  /** Stops the heartbeat sweeper (server shutdown). */
  dispose(): void {
    if (this.core.sweeper) clearInterval(this.core.sweeper);
    this.core.sweeper = null;
  }

  // ---- failure injection (gateway/faults.ts) ----

  outage(ms: number): void {
    faults.outage(this.core, ms);
  }
  inOutage(): boolean {
    return faults.inOutage(this.core);
  }
  sendInvalidSession(resumable: boolean): void {
    faults.sendInvalidSession(this.core, resumable);
  }
  requestHeartbeat(): void {
    faults.requestHeartbeat(this.core);
  }
  lazyGuild(guildId: string, ms: number): void {
    this.core.lazyGuilds.set(guildId, ms);
  }
  closeSessions(code: number): void {
    faults.closeSessions(this.core, code);
  }
  setResumeUnanswered(on: boolean): void {
    faults.setResumeUnanswered(this.core, on);
  }
  stallSessions(): void {
    faults.stallSessions(this.core);
  }
  dropConnections(): void {
    faults.dropConnections(this.core);
  }
  invalidateSessions(): void {
    faults.invalidateSessions(this.core);
  }
  sendReconnect(): void {
    faults.sendReconnect(this.core);
  }
  setSilent(silent: boolean, deadPeer = false): void {
    faults.setSilent(this.core, silent, deadPeer);
  }

  // ---- dispatches (gateway/dispatch.ts) ----

  dispatchMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', m: FakeMessage): void {
    dispatch.dispatchMessage(this.core, t, m);
  }
  dispatchPartialUpdate(m: FakeMessage, fields: Record<string, unknown>): void {
    dispatch.dispatchPartialUpdate(this.core, m, fields);
  }
  guildAdded(g: FakeGuild): void {
    dispatch.guildAdded(this.core, g);
  }
  channelUpdated(c: FakeChannel, position: number): void {
    dispatch.channelUpdated(this.core, c, position);
  }
  removedFromGuild(guildId: string, userId: string): void {
    dispatch.removedFromGuild(this.core, guildId, userId);
  }
  guildOutage(g: FakeGuild, back: boolean): void {
    dispatch.guildOutage(this.core, g, back);
  }
  channelDeleted(c: FakeChannel, position: number): void {
    dispatch.channelDeleted(this.core, c, position);
  }
  dispatchReaction(guildId: string, t: string, d: Record<string, unknown>): void {
    dispatch.dispatchReaction(this.core, guildId, t, d);
  }
  dispatchDelete(m: FakeMessage): void {
    dispatch.dispatchDelete(this.core, m);
  }
  dispatchDeleteBulk(guildId: string, channelId: string, ids: string[]): void {
    dispatch.dispatchDeleteBulk(this.core, guildId, channelId, ids);
  }
}
