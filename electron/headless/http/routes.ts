// Routing of plain requests and WebSocket upgrades: each route allows only the methods it needs,
// everything but /healthz must name this panel in Host, and every refusal is a clean answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { EXPORT_PATH } from '../../../shared/archive.js';
import { AUTH_PATH, WS_PATH } from '../../../shared/ws-protocol.js';
import type { Core } from '../../core/app-core.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
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


function answer(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  const length = String(Buffer.byteLength(body));
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': length, ...headers }).end(body);
}

/** A refusal in the request's language (Accept-Language): only the body and Content-Language depend on it. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, sentence: CoreSentence, headers: Record<string, string> = {}): void {
  const language = requestLanguage(req);
  answer(res, status, sayIn(language, sentence), { ...headers, ...contentLanguage(language) });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  answer(res, status, JSON.stringify(body), { 'Content-Type': 'application/json' });
}

const tokenOk = (ctx: RouteContext, given: string | null) => ctx.accessToken === null || sameSecret(given ?? '', ctx.accessToken);

export function handleRequest(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const path = targetPath(req.url);
  if (path === null) return refuse(req, res, 400, coreText('http.badTarget'));
  const method = req.method ?? '';
  const readOnly = method === 'GET' || method === 'HEAD';
  if (path === '/healthz') {
    if (!readOnly) return refuse(req, res, 405, coreText('http.useGet'), { Allow: 'GET, HEAD' });
    const info = ctx.core.info();
    return json(res, 200, { ok: true, version: info.version, commit: info.commit, pid: process.pid, bot: ctx.core.monitor.status().state });
  }
  if (!hostAllowed(req.headers.host, ctx.host, ctx.allowedHosts)) {
    ctx.refusals.refused('host', req.socket.remoteAddress);
    return refuse(req, res, 421, coreText('http.hostRefused'));
  }
  if (path === AUTH_PATH) {
    if (method !== 'GET') return refuse(req, res, 405, coreText('http.useGet'), { Allow: 'GET' });
    if (tokenOk(ctx, bearerToken(req))) return void res.writeHead(204, SECURITY_HEADERS).end();
    ctx.refusals.refused('token', req.socket.remoteAddress);
    const language = requestLanguage(req);
    return answer(res, 401, JSON.stringify({ error: sayIn(language, coreText('http.tokenRefused')) }), { 'Content-Type': 'application/json', ...contentLanguage(language) });
  }
  if (path === WS_PATH) {
    if (method !== 'GET') return refuse(req, res, 405, coreText('http.useGetUpgrade'), { Allow: 'GET' });
    return refuse(req, res, 426, coreText('http.wsAddress'), { Upgrade: 'websocket' });
  }
  if (path === EXPORT_PATH) return handleExport(ctx, req, res, new URLSearchParams(req.url!.slice(path.length).replace(/^\?/, '').split('#', 1)[0]));
  if (path.startsWith(`${WS_PATH}/`)) return refuse(req, res, 404, coreText('http.noApiRoute'));
  if (!readOnly) return refuse(req, res, 405, coreText('http.pagesReadOnly'), { Allow: 'GET, HEAD' });
  const decoded = decodePath(path);
  if (decoded === null) return refuse(req, res, 400, coreText('http.badPercent'));
  serveStatic(res, ctx.rendererDir, decoded, requestLanguage(req));
}

/** Time a refused client gets to read the answer before its socket is destroyed. */
const REFUSED_SOCKET_GRACE_MS = 1000;

/** Refuses an upgrade or CONNECT on the raw socket, in the request's language as `refuse` does. */
function refuseUpgrade(req: IncomingMessage, socket: Duplex, status: string, sentence: CoreSentence): void {
  const language = requestLanguage(req);
  const body = sayIn(language, sentence);
  const head = `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Language: ${language}\r\nContent-Length: ${Buffer.byteLength(body)}`;
  socket.end(`${head}\r\n\r\n${body}`);
  // No HTTP timeout applies after an upgrade or CONNECT: a client keeping its half open would hold
  // this socket, and its place under the connection caps, forever. Not at once: a close with unread
  // input sends a reset that can discard the answer before the client reads it.
  const timer = setTimeout(() => socket.destroy(), REFUSED_SOCKET_GRACE_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** CONNECT (proxy tunnels) has its own event in Node; without this the socket is just dropped. */
export function handleConnect(req: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  refuseUpgrade(req, socket, '405 Method Not Allowed', coreText('http.notProxy'));
}

export function handleUpgrade(ctx: RouteContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  // Node hands over the raw socket without its error listener; a reset here must not crash us.
  socket.on('error', () => socket.destroy());
  const from = req.socket.remoteAddress;
  const path = targetPath(req.url);
  if (path === null) return refuseUpgrade(req, socket, '400 Bad Request', coreText('http.badTarget'));
  if (!hostAllowed(req.headers.host, ctx.host, ctx.allowedHosts)) {
    ctx.refusals.refused('host', from);
    return refuseUpgrade(req, socket, '421 Misdirected Request', coreText('http.hostRefused'));
  }
  if (path !== WS_PATH) return refuseUpgrade(req, socket, '404 Not Found', coreText('http.wsIsAt', { path: WS_PATH }));
  if (req.method !== 'GET') return refuseUpgrade(req, socket, '405 Method Not Allowed', coreText('http.useGet'));
  if (!originAllowed(req)) {
    ctx.refusals.refused('origin', from);
    return refuseUpgrade(req, socket, '403 Forbidden', coreText('http.originRefused'));
  }
  const query = new URLSearchParams(req.url!.slice(path.length).replace(/^\?/, '').split('#', 1)[0]);
  if (!tokenOk(ctx, query.get('token'))) {
    ctx.refusals.refused('token', from);
    return refuseUpgrade(req, socket, '401 Unauthorized', coreText('http.tokenRefused'));
  }
  if (ctx.wss.clients.size >= ctx.maxWsConnections) {
    ctx.refusals.refused('capacity', from);
    return refuseUpgrade(req, socket, '503 Service Unavailable', coreText('http.wsFull', { count: ctx.maxWsConnections }));
  }
  ctx.wss.handleUpgrade(req, socket, head, (ws) => ctx.wss.emit('connection', ws, from));
}
