// The panel's WebSocket transport across a handover: a close with 1012 (the app's new version takes
// over on the same port) is not "connection lost": it reconnects and re-sends what got no reply.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { Envelope } from '../../shared/api.js';

type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized' | 'resumed';
interface Transport {
  invoke(command: string, arg: unknown): Promise<Envelope>;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
// Not a static import: the renderer module types against the DOM, which the node tsconfig leaves out.
const BRIDGE = '../../renderer/src/bridge.js';

let server: Server | null = null;
afterEach(() => server?.close());

/** A bridge whose first socket takes one invoke without answering and closes with `code`; later sockets answer. */
async function fakeBridge(code: number) {
  server = createServer();
  const wss = new WebSocketServer({ server });
  let sockets = 0;
  const received: Array<{ socket: number; id: number; command: string }> = [];
  wss.on('connection', (ws) => {
    const n = ++sockets;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: number; command: string };
      received.push({ socket: n, id: frame.id, command: frame.command });
      if (n === 1) ws.close(code, 'handover');
      else ws.send(JSON.stringify({ type: 'reply', id: frame.id, reply: { ok: true, value: `answered on socket ${n}` } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { createWsTransport } = (await import(BRIDGE)) as { createWsTransport: (o: unknown) => Transport };
  const transport = createWsTransport({ url: `ws://127.0.0.1:${port}/api`, origin: `http://127.0.0.1:${port}`, token: () => 't', saveToken: () => undefined });
  const states: ConnectionState[] = [];
  transport.onConnectionChange((s) => states.push(s));
  return { transport, states, received };
}

it('after a 1012 close it reconnects and re-sends the unanswered invoke; the panel never sees "closed"', async () => {
  const { transport, states, received } = await fakeBridge(1012);
  const reply = await transport.invoke('bot.status', undefined);
  expect(reply).toEqual({ ok: true, value: 'answered on socket 2' });
  expect(received).toEqual([
    { socket: 1, id: 1, command: 'bot.status' },
    { socket: 2, id: 1, command: 'bot.status' },
  ]);
  expect(states).not.toContain('closed');
  // The page is told, so it can load the new version's panel.
  expect(states.at(-1)).toBe('resumed');
  // Later invokes use the new socket as usual.
  expect(await transport.invoke('app.info', undefined)).toEqual({ ok: true, value: 'answered on socket 2' });
  transport.close();
});

it('any other close still fails the pending invoke and reports the connection closed', async () => {
  const { transport, states } = await fakeBridge(1001);
  const reply = await transport.invoke('bot.status', undefined);
  expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  expect(states).toContain('closed');
  expect(states).not.toContain('resumed');
  transport.close();
});
