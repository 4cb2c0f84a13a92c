// @vitest-environment node
// The browser bridge against a real HTTP + WebSocket server (Node's own WebSocket and fetch, the
// same API as a browser's; jsdom's Event class would break Node's WebSocket): a refused token is told
// apart from a server that is down (issue 7, item 11).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { createWsTransport, type ConnectionState } from '../../renderer/src/bridge';
import { checkAccess } from '../../renderer/src/lib/access-token';
import { errorMessage } from '../../renderer/src/api-context';
import { sayCore } from '../../renderer/src/i18n/core-text';
import { createApi } from '../../shared/api';

const TOKEN = 'k3J9_x-Qw8PzR2mVt6YbN1cLs4HdGf0A';

/** A stand-in for the headless server's boundary: GET /api/auth and the token-checked upgrade on /api. */
async function startFakePanel(token: string, onSocket: (ws: import('ws').WebSocket) => void = () => undefined) {
  const authHeaders: (string | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/api/auth' && req.method === 'GET') {
      authHeaders.push(req.headers.authorization);
      res.writeHead(req.headers.authorization === `Bearer ${token}` ? 204 : 401).end();
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => undefined);
    const given = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (given !== token) return socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => (ws.on('error', () => undefined), onSocket(ws)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    authHeaders,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('checkAccess (GET /api/auth)', () => {
  it('sends the token as a Bearer header: 204 is ok, 401 unauthorized, no server unreachable', async () => {
    const panel = await startFakePanel(TOKEN);
    try {
      await expect(checkAccess(TOKEN, panel.origin)).resolves.toBe('ok');
      await expect(checkAccess(`${TOKEN.slice(0, -1)}B`, panel.origin)).resolves.toBe('unauthorized');
      await expect(checkAccess('', panel.origin)).resolves.toBe('unauthorized');
      expect(panel.authHeaders).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN.slice(0, -1)}B`, undefined]);
    } finally {
      await panel.close();
    }
    await expect(checkAccess(TOKEN, panel.origin)).resolves.toBe('unreachable');
  });

  it('a token that cannot even be a header is unauthorized, not a crash', async () => {
    await expect(checkAccess('tok\u00e9n\u2603\n', 'http://127.0.0.1:9')).resolves.toBe('unauthorized');
  });
});

describe('WebSocket transport against a real server', () => {
  function transportFor(origin: string, token: { value: string }) {
    const states: ConnectionState[] = [];
    const transport = createWsTransport({
      url: `${origin.replace('http', 'ws')}/api`,
      origin,
      token: () => token.value,
      saveToken: (value) => (token.value = value),
    });
    transport.onConnectionChange((s) => states.push(s));
    const reached = (state: ConnectionState) => vi.waitFor(() => expect(states.at(-1)).toBe(state), { timeout: 5000 });
    return { transport, states, reached };
  }

  it('a wrong token ends in "unauthorized", never "closed" (which would start the reconnect banner)', async () => {
    const panel = await startFakePanel(TOKEN);
    try {
      const { transport, states, reached } = transportFor(panel.origin, { value: 'wrong' });
      const reply = await transport.invoke('app.info', undefined);
      expect(reply.ok).toBe(false);
      await reached('unauthorized');
      expect(states).not.toContain('closed');
      transport.close();
    } finally {
      await panel.close();
    }
  });

  it('authorize() with the right token saves it and the next socket opens', async () => {
    const panel = await startFakePanel(TOKEN);
    try {
      const token = { value: '' };
      const { transport, reached } = transportFor(panel.origin, token);
      transport.subscribe('bot.status', () => undefined);
      await reached('unauthorized');
      await expect(transport.authorize('nope')).resolves.toBe('unauthorized');
      expect(token.value).toBe('');
      await expect(transport.authorize(TOKEN)).resolves.toBe('ok');
      expect(token.value).toBe(TOKEN);
      transport.subscribe('bot.status', () => undefined);
      await reached('open');
      transport.close();
    } finally {
      await panel.close();
    }
  });

  it('delivers each event of a batch frame (one server turn), in order, then plain event frames', async () => {
    const event = (content: string) => ({ type: 'event', event: 'message.created', payload: { content } });
    const panel = await startFakePanel(TOKEN, (ws) => {
      ws.send(JSON.stringify({ type: 'batch', frames: [event('a'), event('b')] }));
      ws.send(JSON.stringify(event('c')));
    });
    try {
      const { transport } = transportFor(panel.origin, { value: TOKEN });
      const seen: string[] = [];
      transport.subscribe('message.created', (m) => seen.push((m as { content: string }).content));
      await vi.waitFor(() => expect(seen).toEqual(['a', 'b', 'c']), { timeout: 5000 });
      transport.close();
    } finally {
      await panel.close();
    }
  });

  it('acknowledges every message it read with its length once the server said hello (flow control), and never before', async () => {
    const event = (content: string) => JSON.stringify({ type: 'event', event: 'message.created', payload: { content } });
    const texts = [JSON.stringify({ type: 'hello', ack: true }), event('a'), JSON.stringify({ type: 'batch', frames: [JSON.parse(event('bé'))] })];
    const acks: string[] = [];
    const panel = await startFakePanel(TOKEN, (ws) => {
      ws.on('message', (d) => acks.push(String(d)));
      ws.send(event('before hello'));
      for (const text of texts) ws.send(text);
    });
    try {
      const { transport } = transportFor(panel.origin, { value: TOKEN });
      const seen: string[] = [];
      transport.subscribe('message.created', (m) => seen.push((m as { content: string }).content));
      await vi.waitFor(() => expect(acks).toHaveLength(3), { timeout: 5000 });
      expect(acks).toEqual(texts.map((t) => `{"type":"ack","chars":${t.length}}`));
      expect(seen).toEqual(['before hello', 'a', 'bé']);
      transport.close();
    } finally {
      await panel.close();
    }
  });

  it('a listener that throws does not stop the others, the rest of the batch or the acknowledgement (else the server would count the panel behind for good)', async () => {
    const event = (content: string) => JSON.parse(JSON.stringify({ type: 'event', event: 'message.created', payload: { content } })) as object;
    const texts = [JSON.stringify({ type: 'hello', ack: true }), JSON.stringify({ type: 'batch', frames: [event('boom'), event('after')] }), JSON.stringify(event('next'))];
    const acks: string[] = [];
    const panel = await startFakePanel(TOKEN, (ws) => {
      ws.on('message', (d) => acks.push(String(d)));
      for (const text of texts) ws.send(text);
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { transport } = transportFor(panel.origin, { value: TOKEN });
      const seen: string[] = [];
      transport.subscribe('message.created', (m) => {
        if ((m as { content: string }).content === 'boom') throw new Error('a broken listener');
      });
      transport.subscribe('message.created', (m) => seen.push((m as { content: string }).content));
      await vi.waitFor(() => expect(acks).toHaveLength(3), { timeout: 5000 });
      expect(acks).toEqual(texts.map((t) => `{"type":"ack","chars":${t.length}}`));
      expect(seen).toEqual(['boom', 'after', 'next']);
      expect(logged).toHaveBeenCalled();
      transport.close();
    } finally {
      logged.mockRestore();
      await panel.close();
    }
  });

  it('puts back the default fields a new message is sent without, in live events and in a skipped notice', async () => {
    const wire = { id: '1445678901234567890', channelId: '1', author: { id: '2', username: 'a', displayName: 'A', avatarUrl: null, bot: false }, content: 'hi', createdAt: 5, view: {} };
    const whole = { ...wire, editedAt: null, deleted: false, attachments: [], caughtUp: false, view: { type: 0, mentions: { users: [], roles: [], channels: [], everyone: false }, embeds: [], stickers: [], reactions: [], emojis: [], mentionsOwner: false } };
    const panel = await startFakePanel(TOKEN, (ws) => {
      ws.send(JSON.stringify({ type: 'event', event: 'message.created', payload: wire }));
      ws.send(JSON.stringify({ type: 'event', event: 'message.skipped', payload: { count: 3, firstId: '1', lastId: wire.id, newest: [wire] } }));
    });
    try {
      const { transport } = transportFor(panel.origin, { value: TOKEN });
      const created: unknown[] = [];
      const skipped: Array<{ newest: unknown[] }> = [];
      transport.subscribe('message.created', (m) => created.push(m));
      transport.subscribe('message.skipped', (n) => skipped.push(n as { newest: unknown[] }));
      await vi.waitFor(() => expect(skipped).toHaveLength(1), { timeout: 5000 });
      expect(created).toEqual([whole]);
      expect(skipped[0]!.newest).toEqual([whole]);
      transport.close();
    } finally {
      await panel.close();
    }
  });

  it('a server that is not there still ends in "closed" (the reconnect banner is right then)', async () => {
    const panel = await startFakePanel(TOKEN);
    await panel.close();
    const { transport, reached } = transportFor(panel.origin, { value: TOKEN });
    transport.subscribe('bot.status', () => undefined);
    await reached('closed');
  });
});


// A French panel's every action ended in the bridge's English ("Paramètres non enregistrés : Discord Monitor is not
// reachable. Is it running?"): its own refusals had no key (a French-panel audit).
describe("the bridge's own refusals, in the panel's language", () => {
  const sayFr = (english: string, i18n?: Parameters<typeof sayCore>[2]) => sayCore('fr', english, i18n);
  const saveWith = (origin: string) => {
    const transport = createWsTransport({ url: `${origin.replace('http', 'ws')}/api`, origin, token: () => TOKEN, saveToken: () => undefined });
    return { transport, error: createApi(transport).settings.save({ autoStartBot: true }).catch((e: unknown) => e) };
  };

  it('the app not running', async () => {
    const panel = await startFakePanel(TOKEN);
    await panel.close();
    const { transport, error } = saveWith(panel.origin);
    expect(errorMessage(await error, sayFr)).toBe('Discord Monitor est injoignable. Est-il lancé ? Démarrez-le (ou son service), puis réessayez.');
    transport.close();
  });

  it('the connection dropped with a command in flight', async () => {
    const panel = await startFakePanel(TOKEN, (ws) => ws.on('message', () => ws.terminate()));
    try {
      const { transport, error } = saveWith(panel.origin);
      expect(errorMessage(await error, sayFr)).toMatch(/^Connexion à Discord Monitor perdue\./);
      transport.close();
    } finally {
      await panel.close();
    }
  });
});
