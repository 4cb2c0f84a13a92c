// The headless panel server: access token, origin check, static files, and the same contract over WebSocket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseHeadlessArgs } from '../../electron/headless/args.js';
import { startPanelServer, type PanelServer } from '../../electron/headless/http-server.js';
import type { Envelope } from '../../shared/api.js';
import type { ServerFrame } from '../../shared/ws-protocol.js';
import { coreFor, createWorld, type World } from '../helpers/world.js';
import type { Core } from '../../electron/core/app-core.js';

const ACCESS = 'panel-access-token-for-tests-0123456789';
let world: World;
let core: Core;
let panel: PanelServer;
let rendererDir: string;

beforeAll(async () => {
  world = await createWorld();
  core = await coreFor(world, {});
  rendererDir = mkdtempSync(join(tmpdir(), 'dm-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(world.dataDir, 'secret.txt'), 'do not serve');
  panel = await startPanelServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken: ACCESS });
});
afterAll(async () => {
  await panel.close();
  await core.shutdown();
  await world.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${panel.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function invoke(ws: WebSocket, id: number, command: string, arg?: unknown): Promise<Envelope> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as { type: string; id?: number; reply?: Envelope };
      if (frame.type === 'reply' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.reply!);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, command, arg }));
  });
}

describe('access control', () => {
  it('refuses a missing or wrong access token', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 401');
    await expect(connect('?token=wrong')).rejects.toThrow('HTTP 401');
    await expect(connect(`?token=${ACCESS}x`)).rejects.toThrow('HTTP 401');
  });

  it('refuses a page from another origin even with the token', async () => {
    await expect(connect(`?token=${ACCESS}`, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('takes host names in any case, as they are (a Host of LOCALHOST with an Origin of localhost is the same site)', async () => {
    const ws = await connect(`?token=${ACCESS}`, { Host: `LOCALHOST:${panel.port}`, Origin: `http://localhost:${panel.port}` });
    expect(await invoke(ws, 1, 'app.info')).toMatchObject({ ok: true });
    ws.close();
    await expect(connect(`?token=${ACCESS}`, { Host: `LOCALHOST:${panel.port}`, Origin: `http://localhost:${panel.port + 1}` })).rejects.toThrow('HTTP 403');
  });

  it('accepts the right token and serves the contract: commands, validation, events', async () => {
    const ws = await connect(`?token=${ACCESS}`, { Origin: `http://127.0.0.1:${panel.port}` });
    const info = await invoke(ws, 1, 'app.info');
    expect(info).toMatchObject({ ok: true, value: { mode: 'headless' } });
    const bad = await invoke(ws, 2, 'settings.save', { channelId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const event = new Promise<unknown>((resolve) =>
      ws.on('message', (d) => {
        const frame = JSON.parse(String(d)) as ServerFrame;
        // Events of one turn may come as one batch frame.
        for (const f of frame.type === 'batch' ? frame.frames : [frame]) if (f.type === 'event' && f.event === 'settings.changed') resolve(f.payload);
      }),
    );
    await invoke(ws, 3, 'settings.save', { guildId: world.guildId });
    expect(await event).toMatchObject({ guildId: world.guildId });
    ws.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = await connect(`?token=${ACCESS}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"type":"invoke","id":"x"}');
    expect(await closed).toBe(1008);
  });
});

describe('static files', () => {
  it('serves the panel with a strict CSP and never files outside it', async () => {
    const page = await fetch(`http://127.0.0.1:${panel.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const asset = await fetch(`http://127.0.0.1:${panel.port}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`http://127.0.0.1:${panel.port}${path}`);
      expect(await res.text()).not.toContain('do not serve');
    }
    const health = (await (await fetch(`http://127.0.0.1:${panel.port}/healthz`)).json()) as { ok: boolean; pid: number };
    expect(health).toMatchObject({ ok: true, pid: process.pid });
  });
});

describe('command line', () => {
  it('binds loopback by default and refuses another address without a token', () => {
    expect(parseHeadlessArgs([])).toMatchObject({ host: '127.0.0.1', port: 8787, noToken: false });
    expect(() => parseHeadlessArgs(['--host', '0.0.0.0', '--no-token'])).toThrow(/Refusing to serve the panel on 0.0.0.0 without an access token/);
    expect(parseHeadlessArgs(['--host', '0.0.0.0'])).toMatchObject({ host: '0.0.0.0', noToken: false });
    expect(() => parseHeadlessArgs(['--port', 'abc'])).toThrow(/--port must be a number/);
    expect(() => parseHeadlessArgs(['--bogus'])).toThrow();
  });
});
