// A pass-through HTTP proxy in front of the fake Discord's REST API that records every request's
// method, path, query and answer status: the fake counts requests by route only, while a test of a
// resumed backfill must tell which page (`before`) was asked for, and whether it was answered or a 429.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RestLogEntry {
  method: string;
  /** Without the /api/v10 prefix, e.g. /channels/123/messages. */
  path: string;
  query: URLSearchParams;
  status: number;
}

export interface RestLogProxy {
  /** Where the app sends its REST requests (DISCORD_API_URL). */
  apiUrl: string;
  log: RestLogEntry[];
  /**
   * The next answer `match` accepts is logged but never passed on: resolves with it, so a test can kill the
   * app while the request it made is in flight (Discord answered, the app never got it).
   */
  withholdNext(match: (e: RestLogEntry) => boolean): Promise<RestLogEntry>;
  close(): Promise<void>;
}

export async function startRestLogProxy(targetApiUrl: string): Promise<RestLogProxy> {
  const target = new URL(targetApiUrl);
  const log: RestLogEntry[] = [];
  let withhold: { match: (e: RestLogEntry) => boolean; resolve: (e: RestLogEntry) => void } | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const entry = { method: req.method ?? 'GET', path: url.pathname.replace(/^\/api(\/v\d+)?/, ''), query: url.searchParams, status: answer.statusCode ?? 0 };
      log.push(entry);
      if (withhold?.match(entry)) {
        withhold.resolve(entry);
        withhold = null;
        return void answer.resume();
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    // A killed app leaves its sockets half-open: either side may reset, neither may crash the test.
    upstream.on('error', () => res.destroy());
    req.on('error', () => upstream.destroy());
    res.on('error', () => undefined);
    req.pipe(upstream);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}${target.pathname}`,
    log,
    withholdNext: (match) => new Promise((resolve) => (withhold = { match, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
