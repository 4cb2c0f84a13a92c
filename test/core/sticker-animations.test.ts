// StickerAnimations against a real HTTP server standing in for the CDN: the size cap (with and
// without Content-Length), the Lottie check, one request for concurrent asks, failures not kept.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLottie, MAX_LOTTIE_BYTES, StickerAnimations } from '../../electron/core/messages/sticker-animations.js';
import { lottieFor } from '../fake-discord/lottie.js';

const ID = '749054660769218631';
let server: Server;
let cdn: string;
let hits: string[];
let answer: (path: string) => { status: number; body: string; chunked?: boolean };

beforeEach(async () => {
  hits = [];
  answer = () => ({ status: 200, body: lottieFor(ID) });
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const a = answer(req.url ?? '');
    if (a.chunked) {
      res.writeHead(a.status, { 'content-type': 'application/json' });
      for (let i = 0; i < a.body.length; i += 65536) res.write(a.body.slice(i, i + 65536));
      return void res.end();
    }
    res.writeHead(a.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(a.body) });
    res.end(a.body);
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cdn = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('StickerAnimations', () => {
  it('fetches stickers/<id>.json from the CDN, once for concurrent asks and later ones', async () => {
    const s = new StickerAnimations(`${cdn}/`);
    const [a, b] = await Promise.all([s.get(ID), s.get(ID)]);
    expect(a).toEqual({ id: ID, json: lottieFor(ID) });
    expect(b).toBe(a);
    await s.get(ID);
    expect(hits).toEqual([`/stickers/${ID}.json`]);
  });

  it('refuses a file over 512 KiB, whether or not the CDN says its length', async () => {
    const big = JSON.stringify({ ...JSON.parse(lottieFor(ID)), pad: 'x'.repeat(MAX_LOTTIE_BYTES) });
    for (const chunked of [false, true]) {
      answer = () => ({ status: 200, body: big, chunked });
      await expect(new StickerAnimations(cdn).get(ID)).rejects.toThrow(/could not be loaded .*over 512 KiB/);
    }
  });

  it('lets go of an oversize answer at once: the CDN sees its connection closed, not held until garbage collection', async () => {
    // Content-Length says too much and the body trickles: only the client giving up ends this response.
    let closed = false;
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': MAX_LOTTIE_BYTES + 1 });
      res.write('{');
      res.on('close', () => (closed = true));
    });
    await expect(new StickerAnimations(cdn).get(ID)).rejects.toThrow(/over 512 KiB/);
    await expect.poll(() => closed, { timeout: 3000 }).toBe(true);
  });

  it('refuses JSON that is not a Lottie animation, and says so', async () => {
    answer = () => ({ status: 200, body: '{"message":"Access denied"}' });
    await expect(new StickerAnimations(cdn).get(ID)).rejects.toThrow(/not a Lottie animation.*shows its name instead/);
  });

  it('does not keep a failure: the next ask tries the CDN again', async () => {
    const s = new StickerAnimations(cdn);
    answer = () => ({ status: 503, body: 'busy' });
    await expect(s.get(ID)).rejects.toThrow(/HTTP 503/);
    answer = () => ({ status: 200, body: lottieFor(ID) });
    await expect(s.get(ID)).resolves.toEqual({ id: ID, json: lottieFor(ID) });
    expect(hits).toHaveLength(2);
  });

  it('an unreachable CDN is an error with the URL and a fix', async () => {
    const closed = cdn;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = createServer();
    await expect(new StickerAnimations(closed).get(ID)).rejects.toThrow(new RegExp(`${closed}/stickers/${ID}\\.json.*Check that this machine can reach Discord's CDN`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
});

// Objects with some or all of Lottie's required fields, of the right type or not.
const field = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null));
const lottieLike = fc.record({ v: fc.string(), fr: field, ip: field, op: field, w: field, h: field, layers: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 2 }), fc.string()) }, { requiredKeys: [] });

describe('isLottie (property)', () => {
  it('never throws on any text; true only for an object with numeric fr, ip, op, w, h and a layers array', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), lottieLike.map((v) => JSON.stringify(v))), (text) => {
        const ok = isLottie(text);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const o = parsed as Record<string, unknown> | null | undefined;
        const expected = typeof o === 'object' && o !== null && !Array.isArray(o) && ['fr', 'ip', 'op', 'w', 'h'].every((k) => typeof o[k] === 'number') && Array.isArray(o.layers);
        expect(ok).toBe(expected);
      }),
    );
    expect(isLottie(lottieFor(ID))).toBe(true);
  });
});
