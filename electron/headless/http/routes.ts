// Routing of plain requests and WebSocket upgrades: each route allows only the methods it needs,
// everything but /healthz must name this panel in Host, and every refusal is a clean answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { EXPORT_PATH } from '../../../shared/archive.js';
import { AUTH_PATH, WS_PATH } from '../../../shared/ws-protocol.js';
import type { Core } from '../../core/app-core.js';
import { coreText } from '../../../shared/core-text.js';
import { handleExport } from './export-route.js';
import { bearerToken, hostAllowed, originAllowed, sameSecret } from './guards.js';
import { contentLanguage, requestLanguage, sayIn } from './language.js';
import type { RefusalLog } from './refusal-log.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { decodePath, serveStatic, targetPath } from './static-files.js';

export interface RouteContext {
  core: Core;
  rendererDir: string;
  host: string;
  /** --allowed-host names (lowercase `name` or `name:port`). */
  allowedHosts: ReadonlySet<string>;
  accessToken: string | null;
  refusals: RefusalLog;
  wss: WebSocketServer;
  maxWsConnections: number;
}

const hostRefused = (req: IncomingMessage) => sayIn(requestLanguage(req), coreText('http.hostRefused'));
const tokenRefused = (req: IncomingMessage) => sayIn(requestLanguage(req), coreText('http.tokenRefused'));

function answer(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  const length = String(Buffer.byteLength(body));
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': length, ...headers }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  answer(res, status, JSON.stringify(body), { 'Content-Type': 'application/json' });
}

const tokenOk = (ctx: RouteContext, given: string | null) => ctx.accessToken === null || sameSecret(given ?? '', ctx.accessToken);

export function handleRequest(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const path = targetPath(req.url);
  if (path === null) return answer(res, 400, 'Bad request target: expected a path such as /.');
  const method = req.method ?? '';
  const readOnly = method === 'GET' || method === 'HEAD';
  if (path === '/healthz') {
    if (!readOnly) return answer(res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
    const info = ctx.core.info();
    return json(res, 200, { ok: true, version: info.version, commit: info.commit, pid: process.pid, bot: ctx.core.monitor.status().state });
  }
  if (!hostAllowed(req.headers.host, ctx.host, ctx.allowedHosts)) {
    ctx.refusals.refused('host', req.socket.remoteAddress);
    return answer(res, 421, hostRefused(req), contentLanguage(requestLanguage(req)));
  }
  if (path === AUTH_PATH) {
    if (method !== 'GET') return answer(res, 405, 'Use GET.', { Allow: 'GET' });
    if (tokenOk(ctx, bearerToken(req))) return void res.writeHead(204, SECURITY_HEADERS).end();
    ctx.refusals.refused('token', req.socket.remoteAddress);
    return answer(res, 401, JSON.stringify({ error: tokenRefused(req) }), { 'Content-Type': 'application/json', ...contentLanguage(requestLanguage(req)) });
  }
  if (path === WS_PATH) {
    if (method !== 'GET') return answer(res, 405, 'Use GET with a WebSocket upgrade.', { Allow: 'GET' });
    return answer(res, 426, 'This address is the panel WebSocket.', { Upgrade: 'websocket' });
  }
  if (path === EXPORT_PATH) return handleExport(ctx, req, res, new URLSearchParams(req.url!.slice(path.length).replace(/^\?/, '').split('#', 1)[0]));
  if (path.startsWith(`${WS_PATH}/`)) return answer(res, 404, 'No such API route.');
  if (!readOnly) return answer(res, 405, 'Pages are read-only: use GET.', { Allow: 'GET, HEAD' });
  const decoded = decodePath(path);
  if (decoded === null) return answer(res, 400, 'Bad path: malformed percent-encoding.');
  serveStatic(res, ctx.rendererDir, decoded, requestLanguage(req));
}

/** Time a refused client gets to read the answer before its socket is destroyed. */
const REFUSED_SOCKET_GRACE_MS = 1000;

function refuseUpgrade(socket: Duplex, status: string, body: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  // No HTTP timeout applies after an upgrade or CONNECT: a client keeping its half open would hold
  // this socket, and its place under the connection caps, forever. Not at once: a close with unread
  // input sends a reset that can discard the answer before the client reads it.
  const timer = setTimeout(() => socket.destroy(), REFUSED_SOCKET_GRACE_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** CONNECT (proxy tunnels) has its own event in Node; without this the socket is just dropped. */
export function handleConnect(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  refuseUpgrade(socket, '405 Method Not Allowed', 'This is not a proxy.');
}

export function handleUpgrade(ctx: RouteContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  // Node hands over the raw socket without its error listener; a reset here must not crash us.
  socket.on('error', () => socket.destroy());
  const from = req.socket.remoteAddress;
  const path = targetPath(req.url);
  if (path === null) return refuseUpgrade(socket, '400 Bad Request', 'Bad request target.');
  if (!hostAllowed(req.headers.host, ctx.host, ctx.allowedHosts)) {
    ctx.refusals.refused('host', from);
    return refuseUpgrade(socket, '421 Misdirected Request', hostRefused(req));
  }
  if (path !== WS_PATH) return refuseUpgrade(socket, '404 Not Found', 'The panel WebSocket is at /api.');
  if (req.method !== 'GET') return refuseUpgrade(socket, '405 Method Not Allowed', 'Use GET.');
  if (!originAllowed(req)) {
    ctx.refusals.refused('origin', from);
    return refuseUpgrade(socket, '403 Forbidden', 'Pages of other sites may not use the panel.');
  }
  const query = new URLSearchParams(req.url!.slice(path.length).replace(/^\?/, '').split('#', 1)[0]);
  if (!tokenOk(ctx, query.get('token'))) {
    ctx.refusals.refused('token', from);
    return refuseUpgrade(socket, '401 Unauthorized', tokenRefused(req));
  }
  if (ctx.wss.clients.size >= ctx.maxWsConnections) {
    ctx.refusals.refused('capacity', from);
    return refuseUpgrade(socket, '503 Service Unavailable', `At most ${ctx.maxWsConnections} panels may be open at once; close one.`);
  }
  ctx.wss.handleUpgrade(req, socket, head, (ws) => ctx.wss.emit('connection', ws, from));
}
