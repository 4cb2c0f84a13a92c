// A server that is not Discord, for the token's destination tests: records every request's headers and
// answers 401 as Discord would to a wrong token.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  url: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
