// A real panel server on a real core and fake Discord, plus raw-socket clients that can send
// what browsers and fetch() refuse to (malformed paths, odd methods, bad Host headers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Core } from '../../electron/core/app-core.js';
import { startPanelServer, type PanelServer, type PanelServerOptions } from '../../electron/headless/http-server.js';
import type { Envelope } from '../../shared/api.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';

export const ACCESS = 'panel-access-token-for-tests-0123456789';

export interface TestPanel {
  world: World;
  core: Core;
  panel: PanelServer;
  rendererDir: string;
  close(): Promise<void>;
}

export async function startTestPanel(
  opts: Partial<Omit<PanelServerOptions, 'core' | 'rendererDir'>> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<TestPanel> {
  const world = await createWorld();
  const core = await coreFor(world, env);
  const rendererDir = mkdtempSync(join(tmpdir(), 'dm-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const panel = await startPanelServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken: ACCESS, ...opts });
  return {
    world,
    core,
    panel,
    rendererDir,
    close: async () => {
      await panel.close();
      await core.shutdown();
      await world.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/**
 * Sends `request` as is over TCP and resolves with the first complete response, or with what
 * came before the server closed. `endAfterWrite` half-closes at once ("that was all").
 */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 5000, endAfterWrite = false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let raw = '';
    const socket = tcpConnect(port, '127.0.0.1');
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(raw));
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms; got ${JSON.stringify(raw.slice(0, 200))}`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => {
      raw += c.toString('latin1');
      if (responseComplete(raw, request)) finish();
    });
    // A reset after the answer is fine: what the server sent is what we check.
    socket.on('error', () => undefined);
    socket.on('close', finish);
    if (endAfterWrite) socket.end(request);
    else socket.write(request);
  });
}

/** Whether `raw` holds a whole response (interim 100 Continue skipped). */
function responseComplete(raw: string, request: string | Buffer): boolean {
  const text = raw.replace(/^(HTTP\/1\.[01] 100 [^\r]*\r\n\r\n)+/, '');
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const res = parseResponse(text);
  if (res.status === 101 || res.status === 204 || res.status === 304 || String(request).startsWith('HEAD ')) return true;
  const length = res.headers['content-length'];
  if (length !== undefined) return Buffer.byteLength(res.body, 'latin1') >= Number(length);
  if (/chunked/i.test(res.headers['transfer-encoding'] ?? '')) return text.endsWith('\r\n0\r\n\r\n');
  return false;
}

export function parseResponse(whole: string): RawResponse {
  const raw = whole.replace(/^(HTTP\/1\.[01] 100 [^\r]*\r\n\r\n)+/, '');
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const body = end === -1 ? '' : raw.slice(end + 4);
  return { status, headers, body: /chunked/i.test(headers['transfer-encoding'] ?? '') ? dechunk(body) : body, raw };
}

function dechunk(body: string): string {
  let out = '';
  for (let at = 0; ; ) {
    const eol = body.indexOf('\r\n', at);
    const size = eol === -1 ? 0 : parseInt(body.slice(at, eol), 16);
    if (!size) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

/** A one-shot HTTP/1.1 request with Connection: close. */
export function request(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const all = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return rawHttp(port, `${method} ${path} HTTP/1.1\r\n${head}\r\n`);
}

export function connectWs(port: number, query = `?token=${ACCESS}`, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api${query}`, { headers });
    // Open once the server's hello (its first message) is read, so a test's next message is its own.
    ws.once('open', () => {
      ws.once('message', () => resolve(ws));
      ws.once('close', () => resolve(ws));
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Resolves with the close code and reason the server sent (or 1006 if none). */
export function closed(ws: WebSocket, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
    ws.on('error', () => undefined);
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

export function invoke(ws: WebSocket, id: number, command: string, arg?: unknown): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as { type: string; id?: number; reply?: Envelope };
      if (frame.type === 'reply' && frame.id === id) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(frame.reply!);
      }
    };
    const onClose = (code: number) => reject(new Error(`socket closed (${code}) before the reply to ${command}`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify({ type: 'invoke', id, command, arg }));
  });
}

/** /healthz answers 200 with ok: true. */
export async function healthy(port: number): Promise<boolean> {
  const res = await request(port, 'GET', '/healthz');
  return res.status === 200 && (JSON.parse(res.body) as { ok?: boolean }).ok === true;
}

/**
 * A hand-made WebSocket client over TCP: completes the handshake, then writes frames as given
 * (unmasked, reserved opcodes…) and reports the close frame the server answers with.
 */
export async function rawWs(port: number, query = `?token=${ACCESS}`): Promise<{ write(frame: Buffer): void; closeFrame: Promise<{ code: number; reason: string }> }> {
  const socket = tcpConnect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  let buf = Buffer.alloc(0);
  let upgraded = false;
  let onUpgrade: (err?: Error) => void = () => undefined;
  let onClose: (v: { code: number; reason: string }) => void = () => undefined;
  const closeFrame = new Promise<{ code: number; reason: string }>((resolve, reject) => {
    onClose = resolve;
    const timer = setTimeout(() => reject(new Error('no close frame within 5 s')), 5000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ code: 1006, reason: '' });
    });
  });
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    if (!upgraded) {
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buf.subarray(0, end).toString('latin1');
      buf = buf.subarray(end + 4);
      upgraded = true;
      onUpgrade(head.startsWith('HTTP/1.1 101') ? undefined : new Error(head.split('\r\n')[0]));
    }
    // Server frames are unmasked; look for a close frame (opcode 8) with a short payload.
    while (buf.length >= 2) {
      const len = buf[1]! & 0x7f;
      const headLen = len === 126 ? 4 : 2;
      const size = len === 126 ? buf.readUInt16BE(2) : len;
      if (buf.length < headLen + size) return;
      const opcode = buf[0]! & 0x0f;
      const payload = buf.subarray(headLen, headLen + size);
      buf = buf.subarray(headLen + size);
      if (opcode === 8) onClose({ code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005, reason: payload.subarray(2).toString() });
    }
  });
  await new Promise<void>((resolve, reject) => {
    onUpgrade = (err) => (err ? reject(err) : resolve());
    socket.write(
      `GET /api${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
  return { write: (frame) => socket.write(frame), closeFrame };
}

/** A client frame: FIN + opcode, masked unless told otherwise (payloads under 126 bytes). */
export function wsFrame(opcode: number, payload: Buffer, masked = true): Buffer {
  if (payload.length >= 126) throw new Error('wsFrame: short payloads only');
  if (!masked) return Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, body]);
}
