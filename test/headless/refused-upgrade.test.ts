// A refused WebSocket upgrade or CONNECT is past Node's HTTP timeouts: unless the server closes the
// socket itself, a client that keeps its half open holds it (and its place under the caps) forever.
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, healthy, type TestPanel, startTestPanel } from './panel-fixture.js';

const PER_ADDRESS = 8;
let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel({ limits: { httpConnectionsPerIp: PER_ADDRESS } });
});
afterAll(() => t.close());

const upgrade = (path: string, host: string) =>
  `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

/** Sends `request` and never closes its own side; resolves with the status line once answered. */
function halfOpen(request: string): Promise<{ socket: Socket; status: string }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ port: t.panel.port, host: '127.0.0.1', allowHalfOpen: true });
    let got = '';
    socket.on('error', () => undefined);
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      if (got.includes('\r\n')) resolve({ socket, status: got.split('\r\n', 1)[0]! });
    });
    // With allowHalfOpen a server that hangs up unanswered (a cap) shows as 'end', not 'close'.
    socket.on('end', () => reject(new Error(`the server hung up before answering: ${JSON.stringify(got)}`)));
    socket.write(request);
  });
}

/** The server has let go when a write from our side is answered with a reset. */
function released(socket: Socket, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (gone: boolean) => {
      clearInterval(poke);
      clearTimeout(timer);
      resolve(gone);
    };
    const timer = setTimeout(() => done(false), deadlineMs);
    const poke = setInterval(() => socket.write('x'), 100);
    socket.once('error', () => done(true));
  });
}

describe('refused upgrades and CONNECT', () => {
  it.each([
    ['a wrong token', upgrade('/api?token=wrong', '127.0.0.1'), '401'],
    ['a wrong Host', upgrade(`/api?token=${ACCESS}`, 'evil.example'), '421'],
    ['a wrong path', upgrade('/nope', '127.0.0.1'), '404'],
    ['a CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', '405'],
  ])('closes the socket of %s within a few seconds though the client keeps its half open', async (_what, request, status) => {
    const { socket, status: line } = await halfOpen(request);
    expect(line).toContain(` ${status} `);
    try {
      expect(await released(socket, 5000)).toBe(true);
    } finally {
      socket.destroy();
    }
  });

  it('keeps /healthz reachable after rounds of half-open refused upgrades that fill the per-address cap', async () => {
    const held: Socket[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        const sockets: Socket[] = [];
        for (let i = 0; i < PER_ADDRESS; i++) sockets.push((await halfOpen(upgrade('/api?token=wrong', '127.0.0.1'))).socket);
        held.push(...sockets);
        expect(await Promise.all(sockets.map((s) => released(s, 5000))), `round ${round}`).toEqual(sockets.map(() => true));
        // The server counts a socket as gone on its 'close', a moment after the reset.
        let ok = false;
        for (const end = Date.now() + 2000; !ok && Date.now() < end; ) ok = await healthy(t.panel.port).catch(() => false);
        expect(ok, `round ${round}`).toBe(true);
      }
    } finally {
      for (const s of held) s.destroy();
    }
  });
});
