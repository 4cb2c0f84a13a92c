// The fake's one local HTTP port: /api/ goes to the REST routes, a /gateway upgrade to the gateway,
// anything else to the tiny CDN (404 when it has nothing).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface FakeRoutes {
  rest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** False when the CDN has no such file. */
  cdn(req: IncomingMessage, res: ServerResponse): boolean;
  gateway(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export async function listenFake(port: number, routes: FakeRoutes): Promise<Server> {
  const server = createServer((req, res) => {
    const fail = (err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err), code: 0 }));
    };
    if (req.url?.startsWith('/api/')) {
      routes.rest(req, res).catch(fail);
    } else if (!routes.cdn(req, res)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://fake').pathname === '/gateway') routes.gateway(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
