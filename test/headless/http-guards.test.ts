// Issue 7 item 10: only the methods each route needs, the Host header names this panel (DNS
// rebinding), GET /api/auth tells a wrong token from a server that is down, connection caps.
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, connectWs, healthy, rawHttp, request, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel({ limits: { httpConnectionsPerIp: 8, wsConnections: 3, headersTimeoutMs: 300 } });
});
afterAll(() => t.close());

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'TRACE', 'PROPFIND', 'PATCH', 'OPTIONS', 'CONNECTX'])('answers 405 with Allow to %s on pages and /api', async (method) => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/api', '/api/auth', '/healthz']) {
      const res = await request(t.panel.port, method, path, { 'Content-Length': '0' });
      // Node's parser itself refuses unknown methods with 400 before routing.
      if (method === 'CONNECTX') {
        expect(res.status, `${method} ${path}`).toBe(400);
        continue;
      }
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toMatch(/^GET/);
      expect(res.body).not.toContain('<div id="root">');
    }
  });

  it('serves pages to GET and HEAD only', async () => {
    expect((await request(t.panel.port, 'GET', '/')).body).toContain('<div id="root">');
    const head = await request(t.panel.port, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 426 to a plain GET on the WebSocket path', async () => {
    const res = await request(t.panel.port, 'GET', '/api');
    expect(res.status).toBe(426);
    expect(res.body).not.toContain('<div id="root">');
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each(['127.0.0.1', '127.0.0.1:8787', 'localhost', 'LOCALHOST:1', '[::1]', '[::1]:8787'])('accepts Host %s', async (host) => {
    const res = await request(t.panel.port, 'GET', '/', { Host: host });
    expect(res.status).toBe(200);
  });

  it.each(['evil.example', 'evil.example:8787', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1', '[::2]', 'localhost:abc', ''])('answers 421 to Host %j on pages, /api and /api/auth', async (host) => {
    for (const path of ['/', '/api/auth']) {
      const res = await request(t.panel.port, 'GET', path, { Host: host, Authorization: `Bearer ${ACCESS}` });
      expect(res.status, `${host} ${path}`).toBe(421);
    }
    const upgrade = { Host: host, Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' };
    expect((await request(t.panel.port, 'GET', `/api?token=${ACCESS}`, upgrade)).status, `${host} upgrade`).toBe(421);
  });

  it('keeps /healthz answering for service managers whatever the Host', async () => {
    const res = await request(t.panel.port, 'GET', '/healthz', { Host: 'monitor.lan' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });
});

describe('GET /api/auth', () => {
  it('answers 204 to the right token and 401 with a JSON error otherwise', async () => {
    const ok = await request(t.panel.port, 'GET', '/api/auth', { Authorization: `Bearer ${ACCESS}` });
    expect(ok.status).toBe(204);
    for (const auth of [undefined, 'Bearer', 'Bearer wrong', `Basic ${ACCESS}`, `Bearer ${ACCESS}x`, `Bearer  ${ACCESS}`]) {
      const res = await request(t.panel.port, 'GET', '/api/auth', auth === undefined ? {} : { Authorization: auth });
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.body)).toEqual({ error: expect.stringMatching(/access token/) });
    }
  });

  it('says where the access token is kept since 3.0 (the access-token file, not settings.json)', async () => {
    const { error } = JSON.parse((await request(t.panel.port, 'GET', '/api/auth')).body) as { error: string };
    expect(error).toMatch(/`access-token` file in the data folder/);
    expect(error).not.toMatch(/settings\.json|headlessAccessToken/);
  });

  it('answers 204 to anyone when the panel runs without a token', async () => {
    const open = await startTestPanel({ accessToken: null });
    try {
      expect((await request(open.panel.port, 'GET', '/api/auth')).status).toBe(204);
    } finally {
      await open.close();
    }
  });
});

describe('connection caps', () => {
  it('refuses WebSockets beyond the cap with 503 and takes new ones once one closes', async () => {
    const open = await Promise.all([1, 2, 3].map(() => connectWs(t.panel.port)));
    await expect(connectWs(t.panel.port)).rejects.toThrow('HTTP 503');
    const gone = new Promise((r) => open[0]!.once('close', r));
    open[0]!.close();
    await gone;
    // The server notices the close a moment after the client does.
    let extra;
    for (const end = Date.now() + 3000; !extra && Date.now() < end; ) extra = await connectWs(t.panel.port).catch(() => undefined);
    expect(extra).toBeDefined();
    for (const ws of [...open.slice(1), extra!]) ws.close();
  });

  it('drops a client that never finishes its request headers (slow-loris)', async () => {
    const started = Date.now();
    const res = await rawHttp(t.panel.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n`, 5000);
    expect(res.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('closes HTTP connections from one address beyond the per-address cap', async () => {
    const sockets: Socket[] = [];
    const openOne = () =>
      new Promise<Socket>((resolve, reject) => {
        const s = tcpConnect(t.panel.port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
        sockets.push(s);
      });
    for (let i = 0; i < 8; i++) await openOne();
    const ninth = await openOne();
    const ended = await new Promise<boolean>((resolve) => {
      ninth.once('close', () => resolve(true));
      ninth.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    });
    expect(ended).toBe(true);
    for (const s of sockets) s.destroy();
    // Once they are closed the address is served again.
    let ok = false;
    for (const end = Date.now() + 3000; !ok && Date.now() < end; ) ok = await healthy(t.panel.port).catch(() => false);
    expect(ok).toBe(true);
  });
});
