// A socket's life on the gateway: HELLO, IDENTIFY (READY and GUILD_CREATEs), RESUME (replay then RESUMED),
// heartbeats and the sweep that drops a session whose heartbeats stopped, as Discord does.
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { disallowedIntents } from '../app-flags.js';
import { guildCreateJson, userJson } from '../guild-json.js';
import { OP, type Conn, type GatewayCore, type Payload, type Session } from './core.js';

export function accept(gw: GatewayCore, ws: WebSocket): void {
  const conn: Conn = { ws, token: null, session: null, live: false, sentSeq: 0, helloSent: false, backlog: [], lastBeatAt: Date.now() };
  gw.sweeper ??= setInterval(() => sweep(gw), Math.max(20, gw.opts.heartbeatIntervalMs / 4)).unref();
  gw.conns.add(conn);
  ws.on('message', (raw) => onMessage(gw, conn, String(raw)));
  ws.on('close', (code) => onClose(gw, conn, code));
  ws.on('error', () => ws.terminate());
  answerClosesUnlessDead(gw, conn);
  if (!gw.silent) gw.hello(conn);
  gw.opts.onChange();
}

// ws answers a client's close frame on its own; a dead peer (a network gone) answers nothing, so the
// client waits out its close timeout (ws: 30 s) unless it cuts the connection. The client has given the
// connection up: not live, and the session stays resumable, as after any close but 1000/1001.
function answerClosesUnlessDead(gw: GatewayCore, conn: Conn): void {
  const ws = conn.ws as WebSocket & { _closeFrameReceived: boolean; _closeFrameSent: boolean };
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => {
    if (gw.silent && gw.deadPeer && ws._closeFrameReceived && !ws._closeFrameSent) {
      conn.live = false;
      gw.opts.onChange();
      return;
    }
    close(code, reason);
  };
}

function onClose(gw: GatewayCore, conn: Conn, code: number): void {
  gw.conns.delete(conn);
  conn.live = false;
  if (conn.token !== null) gw.stat(conn.token).closeCodes.push(code);
  const session = conn.session;
  if (session && session.conn === conn) {
    session.conn = null;
    // Discord ends a session when the client closes normally (1000/1001); anything else can resume.
    if (code === 1000 || code === 1001 || !session.resumable) gw.sessions.delete(session.id);
  }
  gw.opts.onChange();
}

function onMessage(gw: GatewayCore, conn: Conn, raw: string): void {
  let p: Payload;
  try {
    p = JSON.parse(raw) as Payload;
  } catch {
    conn.ws.close(4002, 'Error while decoding payload.');
    return;
  }
  if (p?.op === OP.HEARTBEAT) {
    conn.lastBeatAt = Date.now();
    if (conn.token !== null) gw.stat(conn.token).heartbeats++;
  }
  if (gw.silent) {
    // A dead gateway neither ACKs nor answers; heartbeats are simply lost.
    if (p.op !== OP.HEARTBEAT) conn.backlog.push(p);
    return;
  }
  handle(gw, conn, p);
}

export function handle(gw: GatewayCore, conn: Conn, p: Payload): void {
  if (conn.ws.readyState !== WebSocket.OPEN) return;
  const d = (typeof p.d === 'object' && p.d !== null ? p.d : {}) as Record<string, unknown>;
  if (p.op === OP.HEARTBEAT) {
    if (!conn.session?.stalled) gw.send(conn, { op: OP.ACK });
  }
  else if (p.op === OP.IDENTIFY) identify(gw, conn, d);
  else if (p.op === OP.RESUME && !gw.resumeUnanswered) resume(gw, conn, d);
  else if (p.op === OP.RESUME) countResume(gw, d);
  // Other ops (presence update, request guild members, ...) are accepted and ignored.
}

function identify(gw: GatewayCore, conn: Conn, d: Record<string, unknown>): void {
  const token = typeof d['token'] === 'string' ? d['token'] : null;
  const intents = typeof d['intents'] === 'number' ? d['intents'] : 0;
  if (token !== null) {
    conn.token = token;
    gw.stat(token).identifies++;
    if (gw.state.bots.has(token)) gw.limits.spend(token);
  }
  const bot = token !== null ? gw.state.bots.get(token) : undefined;
  if (!bot) return gw.close(conn, 4004);
  if (bot.identifyClose !== null) return gw.close(conn, bot.identifyClose);
  if (conn.session) return gw.close(conn, 4005);
  if (disallowedIntents(bot, intents)) return gw.close(conn, 4014);

  const session: Session = {
    id: randomUUID().replaceAll('-', ''),
    bot,
    intents,
    seq: 0,
    events: [],
    conn: null,
    resumable: true,
  };
  gw.sessions.set(session.id, session);
  gw.attach(conn, session);
  const guilds = gw.state.guildsOf(bot.user.id);
  gw.push(session, 'READY', {
    v: 10,
    user: { ...userJson(bot.user), verified: true, mfa_enabled: false, flags: 0 },
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: gw.opts.url(),
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
  // docs/events/gateway-events.mdx, Guild Create: sent "when a user is initially connecting, to lazily
  // load and backfill information for all unavailable guilds sent in the Ready event" — not all at once.
  for (const g of guilds) {
    const late = gw.lazyGuilds.get(g.id);
    // In an outage (guildOutage): Guild Delete with `unavailable: true` (docs, Guild Create scenario 1 / Guild Delete).
    if (gw.outageGuilds.has(g.id)) gw.push(session, 'GUILD_DELETE', { id: g.id, unavailable: true });
    else if (late === undefined) gw.push(session, 'GUILD_CREATE', guildCreateJson(gw.state, g, bot.user.id));
    // Not if the bot was removed meanwhile (its GUILD_DELETE went out instead).
    else setTimeout(() => gw.sessions.get(session.id) === session && gw.state.isMember(g.id, bot.user.id) && gw.push(session, 'GUILD_CREATE', guildCreateJson(gw.state, g, bot.user.id)), late).unref();
  }
}

function resume(gw: GatewayCore, conn: Conn, d: Record<string, unknown>): void {
  const token = typeof d['token'] === 'string' ? d['token'] : null;
  const seq = typeof d['seq'] === 'number' ? d['seq'] : 0;
  if (token !== null) {
    conn.token = token;
    gw.stat(token).resumes++;
  }
  const bot = token !== null ? gw.state.bots.get(token) : undefined;
  if (!bot) return gw.close(conn, 4004);
  if (conn.session) return gw.close(conn, 4005);
  const session = gw.sessions.get(String(d['session_id']));
  const oldest = session?.events[0]?.s ?? (session ? session.seq + 1 : 0);
  if (!session || session.bot !== bot || !session.resumable || seq + 1 < oldest || seq > session.seq) {
    gw.send(conn, { op: OP.INVALID_SESSION, d: false });
    return;
  }
  gw.attach(conn, session);
  conn.sentSeq = seq;
  // RESUMED goes last, after everything the client missed, as on Discord.
  gw.push(session, 'RESUMED', {});
}

function countResume(gw: GatewayCore, d: Record<string, unknown>): void {
  if (typeof d['token'] === 'string') gw.stat(d['token']).resumes++;
  gw.opts.onChange();
}

function sweep(gw: GatewayCore): void {
  for (const c of [...gw.conns]) {
    if (!c.live || !gw.overdue(c)) continue;
    c.live = false;
    if (c.session) c.session.resumable = false;
    gw.close(c, 4009);
    gw.opts.onChange();
  }
}
