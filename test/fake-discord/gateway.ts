// The gateway half of the fake: HELLO/IDENTIFY/RESUME, heartbeats, sequenced dispatches,
// and the bookkeeping tests assert on (live sessions per token, close codes, counts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { SessionLimits } from './session-limit.js';
import { disallowedIntents, INTENT } from './app-flags.js';
import { channelJson, guildCreateJson, userJson } from './guild-json.js';
import { messageDispatchJson } from './message-json.js';
import type { FakeBot, FakeChannel, FakeGuild, FakeMessage } from './model.js';
import type { State } from './state.js';

const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, RECONNECT: 7, INVALID_SESSION: 9, HELLO: 10, ACK: 11 };
const CLOSE_REASONS: Record<number, string> = {
  4000: 'Unknown error.',
  4004: 'Authentication failed.',
  4005: 'Already authenticated.',
  4007: 'Invalid seq.',
  4008: 'Rate limited.',
  4009: 'Session timed out.',
  4013: 'Invalid intent(s).',
  4014: 'Disallowed intent(s).',
};
// Discord keeps a bounded replay window; a RESUME older than it gets op 9 like the real one.
const REPLAY_WINDOW = 1000;
// Close codes after which Discord wants a new session (docs: Gateway Close Event Codes).
const ENDS_SESSION = new Set([4007, 4009]);

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  bot: FakeBot;
  intents: number;
  seq: number;
  /** Everything dispatched to this session, delivered or not, so RESUME can replay from any seq. */
  events: Dispatch[];
  conn: Conn | null;
  resumable: boolean;
}

interface Conn {
  ws: WebSocket;
  /** Set once IDENTIFY/RESUME names a token, so close codes can be attributed to it. */
  token: string | null;
  session: Session | null;
  live: boolean;
  sentSeq: number;
  helloSent: boolean;
  /** Ops that arrived while silent; handled when the gateway "comes back". */
  backlog: Payload[];
  /** Last heartbeat (or HELLO) time: a session that stops heartbeating is dropped, as Discord does. */
  lastBeatAt: number;
}

interface Payload {
  op: number;
  d: unknown;
}

interface TokenStats {
  identifies: number;
  resumes: number;
  /** op 1 heartbeats received on sockets that named this token. */
  heartbeats: number;
  closeCodes: number[];
  maxLive: number;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  url: () => string;
  onChange: () => void;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly conns = new Set<Conn>();
  private readonly sessions = new Map<string, Session>();
  private stats = new Map<string, TokenStats>();
  private silent = false;
  /** IDENTIFY budget per token, served by `/gateway/bot` too. */
  readonly limits = new SessionLimits();
  private outageUntil = 0;
  private resumeUnanswered = false;
  private attempts = 0;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly state: State,
    private readonly opts: GatewayOptions,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.attempts++;
    this.opts.onChange();
    // An outage: the connection is cut before the upgrade, which clients see as ECONNRESET.
    if (this.inOutage()) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  // ---- control surface used by FakeDiscord ----

  /** Sessions of `token` live right now: accepted, socket open (no close frame seen) and heartbeating. */
  liveSessions(token: string): number {
    let n = 0;
    for (const c of this.conns) if (c.token === token && this.isLive(c)) n++;
    return n;
  }

  /** Gateway connection attempts, refused ones included. */
  connectionAttempts(): number {
    return this.attempts;
  }

  /** The gateway is unreachable for `ms`: live sockets are cut, new ones refused. */
  outage(ms: number): void {
    this.outageUntil = Date.now() + ms;
    this.dropConnections();
    // Tests wait on "the outage is over"; wake waiters when it ends.
    setTimeout(() => this.opts.onChange(), ms + 1).unref();
  }

  inOutage(): boolean {
    return Date.now() < this.outageUntil;
  }

  /** op 9 to every live session; not resumable means the session is gone and a new IDENTIFY is needed. */
  sendInvalidSession(resumable: boolean): void {
    for (const c of [...this.conns]) {
      const session = c.session;
      if (!this.isLive(c) || !session) continue;
      c.live = false;
      c.session = null;
      session.conn = null;
      if (!resumable) this.sessions.delete(session.id);
      this.send(c, { op: OP.INVALID_SESSION, d: resumable });
    }
    this.opts.onChange();
  }

  /** op 1 from the server: the client must heartbeat at once. */
  requestHeartbeat(): void {
    for (const c of this.conns) if (this.isLive(c)) this.send(c, { op: OP.HEARTBEAT, d: null });
  }

  /** Closes every live session's socket with a gateway close code (4000, 4007, 4008, 4009, ...). */
  closeSessions(code: number): void {
    for (const c of [...this.conns]) {
      if (!this.isLive(c)) continue;
      if (ENDS_SESSION.has(code) && c.session) c.session.resumable = false;
      c.live = false;
      this.close(c, code);
    }
    this.opts.onChange();
  }

  /** While on, RESUME gets no answer at all (neither RESUMED nor op 9). */
  setResumeUnanswered(on: boolean): void {
    this.resumeUnanswered = on;
  }

  stat(token: string): TokenStats {
    let s = this.stats.get(token);
    if (!s) this.stats.set(token, (s = { identifies: 0, resumes: 0, heartbeats: 0, closeCodes: [], maxLive: 0 }));
    return s;
  }

  resetStats(): void {
    const tokens = [...this.stats.keys()];
    this.stats = new Map();
    // "Highest seen since reset" starts from what is live at the moment of the reset.
    for (const t of tokens) this.stat(t).maxLive = this.liveSessions(t);
  }

  /** Abrupt drop, no close frame: clients see 1006 and sessions stay resumable. */
  dropConnections(): void {
    for (const c of this.conns) c.ws.terminate();
  }

  /** Stops the heartbeat sweeper (server shutdown). */
  dispose(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  invalidateSessions(): void {
    for (const [id, s] of this.sessions) {
      s.resumable = false;
      if (!s.conn) this.sessions.delete(id);
    }
  }

  /** op 7: ask every connected client to reconnect and resume. */
  sendReconnect(): void {
    for (const c of this.conns) if (c.live) this.send(c, { op: OP.RECONNECT, d: null });
  }

  setSilent(silent: boolean): void {
    this.silent = silent;
    if (silent) return;
    for (const c of [...this.conns]) {
      if (!c.helloSent) this.hello(c);
      for (const p of c.backlog.splice(0)) this.handle(c, p);
      this.flush(c);
    }
  }

  dispatchMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', m: FakeMessage): void {
    this.dispatchToGuild(m.guildId, t, (s) => {
      const seesContent = (s.intents & INTENT.MESSAGE_CONTENT) !== 0 || m.authorId === s.bot.user.id;
      return messageDispatchJson(this.state, m, seesContent);
    });
  }

  /** Discord's update when it resolves a link preview: id, channel_id, guild_id and the changed fields only. */
  dispatchPartialUpdate(m: FakeMessage, fields: Record<string, unknown>): void {
    this.dispatchToGuild(m.guildId, 'MESSAGE_UPDATE', () => ({ id: m.id, channel_id: m.channelId, guild_id: m.guildId, ...fields }));
  }

  /** A bot added to a guild while connected hears about it, as when it is invited. */
  guildAdded(g: FakeGuild): void {
    this.dispatchToGuild(g.id, 'GUILD_CREATE', (s) => guildCreateJson(this.state, g, s.bot.user.id));
  }

  /** CHANNEL_UPDATE (docs/events/gateway-events): a channel's overwrites changed, so clients recompute permissions. */
  channelUpdated(c: FakeChannel, position: number): void {
    this.dispatchToGuild(c.guildId, 'CHANNEL_UPDATE', () => channelJson(this.state, c, position));
  }

  connectionCount(): number {
    return this.conns.size;
  }

  /** MESSAGE_REACTION_* (docs/events/gateway-events), only to sessions that asked for GUILD_MESSAGE_REACTIONS. */
  dispatchReaction(guildId: string, t: string, d: Record<string, unknown>): void {
    for (const s of this.sessions.values()) {
      if ((s.conn || s.resumable) && this.state.isMember(guildId, s.bot.user.id) && (s.intents & INTENT.GUILD_MESSAGE_REACTIONS) !== 0) this.push(s, t, d);
    }
    this.opts.onChange();
  }

  dispatchDelete(m: FakeMessage): void {
    this.dispatchToGuild(m.guildId, 'MESSAGE_DELETE', () => ({ id: m.id, channel_id: m.channelId, guild_id: m.guildId }));
  }

  /** MESSAGE_DELETE_BULK (docs/events/gateway-events): what Bulk Delete Messages fires. */
  dispatchDeleteBulk(guildId: string, channelId: string, ids: string[]): void {
    this.dispatchToGuild(guildId, 'MESSAGE_DELETE_BULK', () => ({ ids, channel_id: channelId, guild_id: guildId }));
  }

  // ---- connection lifecycle ----

  private accept(ws: WebSocket): void {
    const conn: Conn = { ws, token: null, session: null, live: false, sentSeq: 0, helloSent: false, backlog: [], lastBeatAt: Date.now() };
    this.sweeper ??= setInterval(() => this.sweep(), Math.max(20, this.opts.heartbeatIntervalMs / 4)).unref();
    this.conns.add(conn);
    ws.on('message', (raw) => this.onMessage(conn, String(raw)));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => ws.terminate());
    if (!this.silent) this.hello(conn);
    this.opts.onChange();
  }

  private hello(conn: Conn): void {
    conn.helloSent = true;
    conn.lastBeatAt = Date.now();
    this.send(conn, { op: OP.HELLO, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
  }

  private onClose(conn: Conn, code: number): void {
    this.conns.delete(conn);
    conn.live = false;
    if (conn.token !== null) this.stat(conn.token).closeCodes.push(code);
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = null;
      // Discord ends a session when the client closes normally (1000/1001); anything else can resume.
      if (code === 1000 || code === 1001 || !session.resumable) this.sessions.delete(session.id);
    }
    this.opts.onChange();
  }

  private onMessage(conn: Conn, raw: string): void {
    let p: Payload;
    try {
      p = JSON.parse(raw) as Payload;
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    if (p?.op === OP.HEARTBEAT) {
      conn.lastBeatAt = Date.now();
      if (conn.token !== null) this.stat(conn.token).heartbeats++;
    }
    if (this.silent) {
      // A dead gateway neither ACKs nor answers; heartbeats are simply lost.
      if (p.op !== OP.HEARTBEAT) conn.backlog.push(p);
      return;
    }
    this.handle(conn, p);
  }

  private handle(conn: Conn, p: Payload): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const d = (typeof p.d === 'object' && p.d !== null ? p.d : {}) as Record<string, unknown>;
    if (p.op === OP.HEARTBEAT) this.send(conn, { op: OP.ACK });
    else if (p.op === OP.IDENTIFY) this.identify(conn, d);
    else if (p.op === OP.RESUME && !this.resumeUnanswered) this.resume(conn, d);
    else if (p.op === OP.RESUME) this.countResume(d);
    // Other ops (presence update, request guild members, ...) are accepted and ignored.
  }

  private identify(conn: Conn, d: Record<string, unknown>): void {
    const token = typeof d['token'] === 'string' ? d['token'] : null;
    const intents = typeof d['intents'] === 'number' ? d['intents'] : 0;
    if (token !== null) {
      conn.token = token;
      this.stat(token).identifies++;
      if (this.state.bots.has(token)) this.limits.spend(token);
    }
    const bot = token !== null ? this.state.bots.get(token) : undefined;
    if (!bot) return this.close(conn, 4004);
    if (bot.identifyClose !== null) return this.close(conn, bot.identifyClose);
    if (conn.session) return this.close(conn, 4005);
    if (disallowedIntents(bot, intents)) return this.close(conn, 4014);

    const session: Session = {
      id: randomUUID().replaceAll('-', ''),
      bot,
      intents,
      seq: 0,
      events: [],
      conn: null,
      resumable: true,
    };
    this.sessions.set(session.id, session);
    this.attach(conn, session);
    const guilds = this.state.guildsOf(bot.user.id);
    this.push(session, 'READY', {
      v: 10,
      user: { ...userJson(bot.user), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.opts.url(),
      shard: [0, 1],
      application: { id: bot.user.id, flags: bot.applicationFlags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    });
    for (const g of guilds) this.push(session, 'GUILD_CREATE', guildCreateJson(this.state, g, bot.user.id));
  }

  private resume(conn: Conn, d: Record<string, unknown>): void {
    const token = typeof d['token'] === 'string' ? d['token'] : null;
    const seq = typeof d['seq'] === 'number' ? d['seq'] : 0;
    if (token !== null) {
      conn.token = token;
      this.stat(token).resumes++;
    }
    const bot = token !== null ? this.state.bots.get(token) : undefined;
    if (!bot) return this.close(conn, 4004);
    if (conn.session) return this.close(conn, 4005);
    const session = this.sessions.get(String(d['session_id']));
    const oldest = session?.events[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || session.bot !== bot || !session.resumable || seq + 1 < oldest || seq > session.seq) {
      this.send(conn, { op: OP.INVALID_SESSION, d: false });
      return;
    }
    this.attach(conn, session);
    conn.sentSeq = seq;
    // RESUMED goes last, after everything the client missed, as on Discord.
    this.push(session, 'RESUMED', {});
  }

  private countResume(d: Record<string, unknown>): void {
    if (typeof d['token'] === 'string') this.stat(d['token']).resumes++;
    this.opts.onChange();
  }

  private isLive(c: Conn): boolean {
    return c.live && c.ws.readyState === WebSocket.OPEN && !this.overdue(c);
  }

  // Discord drops a session whose heartbeats stop: allow the interval plus its jitter (the first
  // beat may come up to one interval after HELLO) and a little slack for a loaded machine.
  private overdue(c: Conn): boolean {
    return Date.now() - c.lastBeatAt > this.opts.heartbeatIntervalMs * 2 + 250;
  }

  private sweep(): void {
    for (const c of [...this.conns]) {
      if (!c.live || !this.overdue(c)) continue;
      c.live = false;
      if (c.session) c.session.resumable = false;
      this.close(c, 4009);
      this.opts.onChange();
    }
  }

  private attach(conn: Conn, session: Session): void {
    const previous = session.conn;
    if (previous && previous !== conn) {
      // The new socket takes over the session; the old one is cut, as Discord does.
      previous.live = false;
      previous.session = null;
      previous.ws.terminate();
    }
    conn.session = session;
    session.conn = conn;
    conn.live = true;
    const st = this.stat(session.bot.token);
    st.maxLive = Math.max(st.maxLive, this.liveSessions(session.bot.token));
    this.opts.onChange();
  }

  private close(conn: Conn, code: number): void {
    conn.ws.close(code, CLOSE_REASONS[code] ?? 'Closed by the fake gateway.');
  }

  // ---- dispatch ----

  private dispatchToGuild(guildId: string, t: string, build: (s: Session) => unknown): void {
    for (const s of this.sessions.values()) {
      if ((s.conn || s.resumable) && this.state.isMember(guildId, s.bot.user.id)) this.push(s, t, build(s));
    }
    this.opts.onChange();
  }

  private push(session: Session, t: string, d: unknown): void {
    session.events.push({ s: ++session.seq, t, d });
    if (session.events.length > REPLAY_WINDOW) session.events.shift();
    if (session.conn) this.flush(session.conn);
  }

  /** Sends whatever this socket has not seen yet; a no-op while silent, so nothing is lost. */
  private flush(conn: Conn): void {
    const session = conn.session;
    if (!conn.live || !session) return;
    for (const e of session.events) {
      if (this.silent || conn.ws.readyState !== WebSocket.OPEN) return;
      if (e.s <= conn.sentSeq) continue;
      this.send(conn, { op: OP.DISPATCH, t: e.t, s: e.s, d: e.d });
      conn.sentSeq = e.s;
    }
  }

  private send(conn: Conn, payload: { op: number; d?: unknown; s?: number; t?: string }): void {
    if (this.silent || conn.ws.readyState !== WebSocket.OPEN) return;
    conn.ws.send(JSON.stringify({ s: null, t: null, d: null, ...payload }));
  }
}
