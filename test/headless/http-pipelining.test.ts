// HTTP/1.1 lets a client send many requests before reading any answer. The server handled every one
// at once: 2,000 pipelined GETs of the panel's biggest script on one connection, never read, opened
// 2,000 file streams and buffered their contents (181 → 496 MiB, kept), and a client that never read
// kept its connection forever. Now a connection's requests are handled one at a time, a few may wait,
// more close the connection; a connection whose answer is not read is closed after a while.
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWs, invoke, rawHttp, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const BIG = 'assets/big.js';
/** This process's open descriptors on `file` (the panel server runs in it). */
const openOn = (file: string) => readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`) === file; } catch { return false; } }).length;

async function panelWithBigScript(limits: Parameters<typeof startTestPanel>[0] = {}): Promise<{ port: number; file: string }> {
  t = await startTestPanel(limits);
  const file = join(t.rendererDir, BIG);
  writeFileSync(file, 'x'.repeat(256 * 1024));
  return { port: t.panel.port, file };
}

/** Sends `n` pipelined GETs in one write and never reads (a paused socket never hears the server close it: that is watched on the server). */
async function pipelineUnread(port: number, n: number, path: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.pause();
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  await new Promise((resolve) => socket.write(`GET /${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(n), resolve));
  // Held by the server before its end is watched: a count of 0 must mean "closed", not "not yet accepted".
  await vi.waitFor(async () => expect(await connections()).toBe(1));
}

const connections = () => new Promise<number>((resolve) => t!.panel.server.getConnections((_err, n) => resolve(n)));

/** Resolves 'closed' once the panel server holds no connection, or 'still open' after `ms`. */
async function serverClosesAll(ms: number): Promise<string> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if ((await connections()) === 0) return 'closed';
    await new Promise((r) => setTimeout(r, 50));
  }
  return 'still open';
}

describe('pipelined requests', { timeout: 30_000 }, () => {
  it('2,000 pipelined and never read: at most one file open for them at a time, the connection closed once stalled, the panel still answers', async () => {
    const { port, file } = await panelWithBigScript({ limits: { idleTimeoutMs: 1_000 } });
    const before = process.memoryUsage().rss;
    let open = 0;
    const sampler = setInterval(() => (open = Math.max(open, openOn(file))), 5);
    await pipelineUnread(port, 2_000, BIG);
    const outcome = await serverClosesAll(8_000);
    clearInterval(sampler);
    expect(open).toBeLessThanOrEqual(1);
    expect(outcome).toBe('closed');
    // Not the 2,000 × 256 KiB (500 MB) the old server buffered.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect((await rawHttp(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  });

  it('an answer that is never read: its connection is closed once it has made no progress for a while', async () => {
    t = await startTestPanel({ limits: { idleTimeoutMs: 1_000 } });
    // More than the kernel's socket buffers hold, so the write stalls.
    writeFileSync(join(t.rendererDir, BIG), 'x'.repeat(32 * 1024 * 1024));
    await pipelineUnread(t.panel.port, 1, BIG);
    expect(await serverClosesAll(8_000)).toBe('closed');
  });

  it('a panel WebSocket quiet for longer than that stays open (the timeout is for HTTP answers)', async () => {
    t = await startTestPanel({ limits: { idleTimeoutMs: 300 } });
    const ws = await connectWs(t.panel.port);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(ws.readyState).toBe(ws.OPEN);
    expect((await invoke(ws, 1, 'app.info')).ok).toBe(true);
    ws.close();
  });

  it('a few pipelined requests that are read are all answered, in order', async () => {
    const { port } = await panelWithBigScript();
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    socket.on('data', (c: Buffer) => (raw += c.toString('latin1')));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    const get = (path: string, last = false) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${last ? 'Connection: close\r\n' : ''}\r\n`;
    socket.write(get('/healthz') + get('/assets/app.js') + get('/nothing-here') + get('/healthz', true));
    await ended;
    const statuses = [...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    expect(statuses).toEqual(['200', '200', '200', '200']);
    expect(raw.indexOf('console.log(1)')).toBeGreaterThan(raw.indexOf('"ok":true'));
    expect(raw.indexOf('<div id="root">')).toBeGreaterThan(raw.indexOf('console.log(1)'));
  });

});
