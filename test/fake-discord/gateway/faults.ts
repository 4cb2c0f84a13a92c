// Failure injection: outages, dropped or closed sockets, op 7/op 9/op 1 from the server, a silent gateway.
import { ENDS_SESSION, OP, type GatewayCore } from './core.js';
import { handle } from './handshake.js';

/** The gateway is unreachable for `ms`: live sockets are cut, new ones refused. */
export function outage(gw: GatewayCore, ms: number): void {
  gw.outageUntil = Date.now() + ms;
  dropConnections(gw);
  // Tests wait on "the outage is over"; wake waiters when it ends.
  setTimeout(() => gw.opts.onChange(), ms + 1).unref();
}

export function inOutage(gw: GatewayCore): boolean {
  return Date.now() < gw.outageUntil;
}

/** op 9 to every live session; not resumable means the session is gone and a new IDENTIFY is needed. */
export function sendInvalidSession(gw: GatewayCore, resumable: boolean): void {
  for (const c of [...gw.conns]) {
    const session = c.session;
    if (!gw.isLive(c) || !session) continue;
    c.live = false;
    c.session = null;
    session.conn = null;
    if (!resumable) gw.sessions.delete(session.id);
    gw.send(c, { op: OP.INVALID_SESSION, d: resumable });
  }
  gw.opts.onChange();
}

/** op 1 from the server: the client must heartbeat at once. */
export function requestHeartbeat(gw: GatewayCore): void {
  for (const c of gw.conns) if (gw.isLive(c)) gw.send(c, { op: OP.HEARTBEAT, d: null });
}

/** Closes every live session's socket with a gateway close code (4000, 4007, 4008, 4009, ...). */
export function closeSessions(gw: GatewayCore, code: number): void {
  for (const c of [...gw.conns]) {
    if (!gw.isLive(c)) continue;
    if (ENDS_SESSION.has(code) && c.session) c.session.resumable = false;
    c.live = false;
    gw.close(c, code);
  }
  gw.opts.onChange();
}

/** While on, RESUME gets no answer at all (neither RESUMED nor op 9). */
export function setResumeUnanswered(gw: GatewayCore, on: boolean): void {
  gw.resumeUnanswered = on;
}

/** Every session open now stops working on the server's side; new ones (IDENTIFY) work. */
export function stallSessions(gw: GatewayCore): void {
  for (const s of gw.sessions.values()) s.stalled = true;
}

/** Abrupt drop, no close frame: clients see 1006 and sessions stay resumable. */
export function dropConnections(gw: GatewayCore): void {
  for (const c of gw.conns) c.ws.terminate();
}

export function invalidateSessions(gw: GatewayCore): void {
  for (const [id, s] of gw.sessions) {
    s.resumable = false;
    if (!s.conn) gw.sessions.delete(id);
  }
}

/** op 7: ask every connected client to reconnect and resume. */
export function sendReconnect(gw: GatewayCore): void {
  for (const c of gw.conns) if (c.live) gw.send(c, { op: OP.RECONNECT, d: null });
}

/** `deadPeer`: a client's close frame is not answered either (a dead network, not just a mute gateway). */
export function setSilent(gw: GatewayCore, silent: boolean, deadPeer = false): void {
  gw.silent = silent;
  gw.deadPeer = silent && deadPeer;
  if (silent) return;
  for (const c of [...gw.conns]) {
    if (!c.helloSent) gw.hello(c);
    for (const p of c.backlog.splice(0)) handle(gw, c, p);
    gw.flush(c);
  }
}
