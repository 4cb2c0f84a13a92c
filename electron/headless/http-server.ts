// Serves the built panel and the WebSocket bridge. Only the WebSocket carries data, and it
// requires the access token; the static files are the same public bundle the desktop app ships.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  HTTP_HEADERS_TIMEOUT_MS,
  HTTP_IDLE_TIMEOUT_MS,
  HTTP_PIPELINE_DEPTH,
  HTTP_REQUEST_TIMEOUT_MS,
  HTTP_TIMEOUT_CHECK_MS,
  MAX_HTTP_CONNECTIONS,
  MAX_HTTP_CONNECTIONS_PER_IP,
  MAX_WS_CONNECTIONS,
  REFUSAL_LOG_INTERVAL_MS,
  WS_MAX_PAYLOAD,
} from '../../shared/limits.js';
import type { Core } from '../core/app-core.js';
import { BridgeDrain, retireHttp } from './http/drain.js';
import { createServer } from './http/node-http.js';
import { ConnectionsPerAddress } from './http/rate-limit.js';
import { inTurn } from './http/in-turn.js';
import { RefusalLog } from './http/refusal-log.js';
import { handleConnect, handleRequest, handleUpgrade, type RouteContext } from './http/routes.js';
import { serveBridge } from './http/ws-bridge.js';
import { urlHost } from './panel-address.js';

export { CSP } from './http/security-headers.js';

export interface PanelServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
  /** Handover: stop accepting, answer the commands taken, ask every panel to reconnect (the new process serves the same socket). */
  handOver(): Promise<void>;
  /** The listening socket's descriptor, inherited by the new version at a handover. */
  listenFd(): number;
}

export interface PanelServerOptions {
  core: Core;
  rendererDir: string;
  host: string;
  /** Extra Host names accepted (--allowed-host): lowercase `name` or `name:port`. */
  allowedHosts?: readonly string[];
  port: number;
  /** Listen on this inherited listening socket instead of binding `port` (the new version at a handover). */
  fd?: number;
  accessToken: string | null;
  /** Connection caps and timeouts (tests lower them); defaults from shared/limits.ts. */
  limits?: Partial<{ httpConnectionsPerIp: number; wsConnections: number; headersTimeoutMs: number; idleTimeoutMs: number }>;
  refusalLogIntervalMs?: number;
}

export async function startPanelServer(opts: PanelServerOptions): Promise<PanelServer> {
  const { core } = opts;
  const refusals = new RefusalLog(core.log.logger, opts.refusalLogIntervalMs ?? REFUSAL_LOG_INTERVAL_MS);
  // No compression: a small deflated frame could inflate past every limit (zip bomb).
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, perMessageDeflate: false, skipUTF8Validation: false });
  const ctx: RouteContext = {
    core,
    rendererDir: opts.rendererDir,
    host: opts.host,
    allowedHosts: new Set(opts.allowedHosts ?? []),
    accessToken: opts.accessToken,
    refusals,
    wss,
    maxWsConnections: opts.limits?.wsConnections ?? MAX_WS_CONNECTIONS,
  };
  const server = createServer(
    {
      headersTimeout: opts.limits?.headersTimeoutMs ?? HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(HTTP_TIMEOUT_CHECK_MS, opts.limits?.headersTimeoutMs ?? Infinity),
    },
    (req, res) => {
      if (!inTurn(req, res, HTTP_PIPELINE_DEPTH, () => handleRequest(ctx, req, res))) refusals.refused('pipeline', req.socket.remoteAddress);
    },
  );
  server.maxConnections = MAX_HTTP_CONNECTIONS;
  // The request timeouts above end when the request is in: an answer nobody reads held its connection
  // forever. No byte either way for this long closes it (a WebSocket turns this off once upgraded).
  server.setTimeout(opts.limits?.idleTimeoutMs ?? HTTP_IDLE_TIMEOUT_MS);
  const perAddress = new ConnectionsPerAddress(opts.limits?.httpConnectionsPerIp ?? MAX_HTTP_CONNECTIONS_PER_IP);
  server.on('connection', (socket) => {
    if (perAddress.admit(socket)) return;
    refusals.refused('capacity', socket.remoteAddress);
    socket.destroy();
  });
  server.on('upgrade', (req, socket, head: Buffer) => handleUpgrade(ctx, req, socket, head));
  server.on('connect', (req, socket) => handleConnect(req, socket));
  const drain = new BridgeDrain();
  serveBridge(wss, core, refusals, drain);

  await new Promise<void>((resolve, reject) => {
    // A failed listen (port in use) is retried after a relaunch: release the bridge's bus listener.
    const failed = (err: Error) => {
      refusals.close();
      wss.close();
      reject(err);
    };
    server.once('error', failed);
    server.listen(opts.fd === undefined ? { port: opts.port, host: opts.host } : { fd: opts.fd }, () => {
      server.off('error', failed);
      resolve();
    });
  });
  server.on('error', (err) => core.log.logger.error(`Panel server error: ${err.message}`));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(opts.host)}:${port}/${opts.accessToken ? `?token=${encodeURIComponent(opts.accessToken)}` : ''}`;
  let closing: Promise<void> | null = null;
  return {
    server,
    url,
    port,
    listenFd: () => (server as unknown as { _handle: { fd: number } })._handle.fd,
    handOver: async () => {
      // Closing our descriptor leaves the socket open in the new process: no connection is refused.
      const retired = retireHttp(server);
      refusals.close();
      await drain.drain(wss);
      await retired;
    },
    close: () =>
      (closing ??= new Promise((resolve) => {
        refusals.close();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}
