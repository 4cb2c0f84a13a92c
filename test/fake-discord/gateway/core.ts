// The gateway's sessions and sockets and how a dispatch reaches them: sequence numbers, the replay
// window RESUME draws from, liveness by heartbeat, and the per-token counts tests assert on.
import { WebSocket } from 'ws';
import { SessionLimits } from '../session-limit.js';
import type { FakeBot } from '../model.js';
import type { State } from '../state.js';

export const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, RECONNECT: 7, INVALID_SESSION: 9, HELLO: 10, ACK: 11 };
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
export const ENDS_SESSION = new Set([4007, 4009]);

export interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

export interface Session {
  id: string;
  bot: FakeBot;
  intents: number;
  seq: number;
  /** Everything dispatched to this session, delivered or not, so RESUME can replay from any seq. */
  events: Dispatch[];
  conn: Conn | null;
  resumable: boolean;
  /** Broken on the server's side (stallSessions): a RESUME is answered, then no ACK and no event ever comes. */
  stalled?: boolean;
}

export interface Conn {
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

export interface Payload {
  op: number;
  d: unknown;
}

export interface TokenStats {
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

/** The gateway's shared state; handshake.ts, dispatch.ts and faults.ts act on it, gateway.ts is its face. */
export class GatewayCore {
  readonly conns = new Set<Conn>();
  readonly sessions = new Map<string, Session>();
  stats = new Map<string, TokenStats>();
  silent = false;
  /** While silent, a dead peer: a client's close frame gets no answer either (setSilent). */
  deadPeer = false;
  /** IDENTIFY budget per token, served by `/gateway/bot` too. */
  readonly limits = new SessionLimits();
  outageUntil = 0;
  resumeUnanswered = false;
  /** Guilds whose GUILD_CREATE follows READY this late (ms): Discord sends them lazily. */
  readonly lazyGuilds = new Map<string, number>();
  /** Servers in an outage (guildOutage): their messages reach no session until they are back. */
  readonly outageGuilds = new Set<string>();
  attempts = 0;
  sweeper: NodeJS.Timeout | null = null;

  constructor(
    readonly state: State,
    readonly opts: GatewayOptions,
  ) {}

  /** Sessions of `token` live right now: accepted, socket open (no close frame seen) and heartbeating. */
  liveSessions(token: string): number {
    let n = 0;
    for (const c of this.conns) if (c.token === token && this.isLive(c)) n++;
    return n;
  }

  stat(token: string): TokenStats {
    let s = this.stats.get(token);
    if (!s) this.stats.set(token, (s = { identifies: 0, resumes: 0, heartbeats: 0, closeCodes: [], maxLive: 0 }));
    return s;
  }

  isLive(c: Conn): boolean {
    return c.live && c.ws.readyState === WebSocket.OPEN && !this.overdue(c);
  }

  // Discord drops a session whose heartbeats stop: allow the interval plus its jitter (the first
  // beat may come up to one interval after HELLO) and a little slack for a loaded machine.
  overdue(c: Conn): boolean {
    return Date.now() - c.lastBeatAt > this.opts.heartbeatIntervalMs * 2 + 250;
  }

  attach(conn: Conn, session: Session): void {
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

  close(conn: Conn, code: number): void {
    conn.ws.close(code, CLOSE_REASONS[code] ?? 'Closed by the fake gateway.');
  }

  dispatchToGuild(guildId: string, t: string, build: (s: Session) => unknown): void {
    for (const s of this.sessions.values()) {
      if ((s.conn || s.resumable) && this.state.isMember(guildId, s.bot.user.id)) this.push(s, t, build(s));
    }
    this.opts.onChange();
  }

  push(session: Session, t: string, d: unknown): void {
    session.events.push({ s: ++session.seq, t, d });
    if (session.events.length > REPLAY_WINDOW) session.events.shift();
    if (session.conn) this.flush(session.conn);
  }

  /** Sends whatever this socket has not seen yet; a no-op while silent, so nothing is lost. */
  flush(conn: Conn): void {
    const session = conn.session;
    if (!conn.live || !session) return;
    for (const e of session.events) {
      if (this.silent || conn.ws.readyState !== WebSocket.OPEN) return;
      if (e.s <= conn.sentSeq) continue;
      // A stalled session gets its RESUMED, nothing else (what it misses is lost to it: a new session's catch-up finds it).
      if (session.stalled && e.t !== 'RESUMED') continue;
      this.send(conn, { op: OP.DISPATCH, t: e.t, s: e.s, d: e.d });
      conn.sentSeq = e.s;
    }
  }

  send(conn: Conn, payload: { op: number; d?: unknown; s?: number; t?: string }): void {
    if (this.silent || conn.ws.readyState !== WebSocket.OPEN) return;
    conn.ws.send(JSON.stringify({ s: null, t: null, d: null, ...payload }));
  }

  hello(conn: Conn): void {
    conn.helloSent = true;
    conn.lastBeatAt = Date.now();
    this.send(conn, { op: OP.HELLO, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
  }
}
