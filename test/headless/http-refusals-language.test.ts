// The headless server's refusals no page of the panel leads to, yet a user can still read (an address
// typed by hand, curl, a second tab past the cap, a page of another site): in the request's language
// (Accept-Language), French for a French browser, English otherwise; the status and headers as before.
import fc from 'fast-check';
import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, connectWs, rawHttp, request, startTestPanel, type RawResponse, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
let held: WebSocket;
beforeAll(async () => {
  // One WebSocket at most: the test holds it, so the next upgrade meets the cap.
  t = await startTestPanel({ limits: { wsConnections: 1 } });
  held = await connectWs(t.panel.port);
});
afterAll(async () => {
  held?.close();
  await t?.close();
});

const FR = 'fr-FR,fr;q=0.9,en;q=0.5';
const UPGRADE = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };

interface Case {
  what: string;
  send: (language: string | null) => Promise<RawResponse>;
  status: number;
  /** Headers the answer keeps whatever the language. */
  headers?: Record<string, string>;
  en: string;
  fr: string;
}

const lang = (language: string | null): Record<string, string> => (language === null ? {} : { 'Accept-Language': language });
const plain = (method: string, path: string, extra: Record<string, string> = {}) => (language: string | null) => request(t.panel.port, method, path, { ...lang(language), ...extra });
const raw = (line: string, extra: Record<string, string> = {}) => (language: string | null) => {
  const head = Object.entries({ Host: `127.0.0.1:${t.panel.port}`, Connection: 'close', ...extra, ...lang(language) })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return rawHttp(t.panel.port, `${line}\r\n${head}\r\n`);
};

const CASES: Case[] = [
  { what: 'POST /healthz', send: plain('POST', '/healthz'), status: 405, headers: { allow: 'GET, HEAD' }, en: 'Use GET.', fr: 'Utilisez GET.' },
  { what: 'POST /api/auth', send: plain('POST', '/api/auth'), status: 405, headers: { allow: 'GET' }, en: 'Use GET.', fr: 'Utilisez GET.' },
  { what: 'POST /api/export', send: plain('POST', '/api/export'), status: 405, headers: { allow: 'GET' }, en: 'Use GET.', fr: 'Utilisez GET.' },
  { what: 'POST /api', send: plain('POST', '/api'), status: 405, headers: { allow: 'GET' }, en: 'Use GET with a WebSocket upgrade.', fr: 'Utilisez GET avec une mise à niveau WebSocket.' },
  {
    what: 'GET /api without an upgrade',
    send: plain('GET', '/api'),
    status: 426,
    headers: { upgrade: 'websocket' },
    en: 'This address is the panel WebSocket.',
    fr: 'Cette adresse est le WebSocket du panneau.',
  },
  { what: 'GET /api/nope', send: plain('GET', '/api/nope'), status: 404, en: 'No such API route.', fr: 'Route d’API inconnue.' },
  { what: 'POST /', send: plain('POST', '/'), status: 405, headers: { allow: 'GET, HEAD' }, en: 'Pages are read-only: use GET.', fr: 'Les pages sont en lecture seule : utilisez GET.' },
  { what: 'GET /%zz', send: plain('GET', '/%zz'), status: 400, en: 'Bad path: malformed percent-encoding.', fr: 'Chemin invalide : encodage en pourcentage malformé.' },
  { what: 'GET //x', send: plain('GET', '//x'), status: 400, en: 'Bad request target: expected a path such as /.', fr: 'Cible de requête invalide : un chemin comme / est attendu.' },
  {
    what: 'an upgrade to another path',
    send: plain('GET', '/nope', UPGRADE),
    status: 404,
    en: 'The panel WebSocket is at /api.',
    fr: 'Le WebSocket du panneau est à /api.',
  },
  { what: 'an upgrade by POST', send: plain('POST', `/api?token=${ACCESS}`, UPGRADE), status: 405, en: 'Use GET.', fr: 'Utilisez GET.' },
  { what: 'an upgrade to //x', send: plain('GET', '//x', UPGRADE), status: 400, en: 'Bad request target: expected a path such as /.', fr: 'Cible de requête invalide : un chemin comme / est attendu.' },
  {
    what: 'an upgrade from a page of another site',
    send: plain('GET', `/api?token=${ACCESS}`, { ...UPGRADE, Origin: 'https://evil.example' }),
    status: 403,
    en: 'Pages of other sites may not use the panel.',
    fr: 'Les pages d’autres sites ne peuvent pas utiliser le panneau.',
  },
  {
    what: 'an upgrade past the cap',
    send: plain('GET', `/api?token=${ACCESS}`, UPGRADE),
    status: 503,
    en: 'At most 1 panel may be open at once; close one.',
    fr: 'Au plus 1 panneau peut être ouvert à la fois ; fermez-en un.',
  },
  { what: 'a CONNECT', send: raw('CONNECT example.com:443 HTTP/1.1', { Host: 'example.com:443' }), status: 405, en: 'This is not a proxy.', fr: 'Ceci n’est pas un proxy.' },
];

/** The body as UTF-8 (the raw reader keeps bytes as latin1). */
const utf8 = (r: RawResponse) => Buffer.from(r.body, 'latin1').toString('utf8');

describe('refusals in the request’s language', () => {
  for (const c of CASES) {
    it(`${c.what} (${c.status}): English by default, French for a French browser`, async () => {
      for (const [language, want, tag] of [
        [null, c.en, 'en'],
        ['en-US,en;q=0.9', c.en, 'en'],
        [FR, c.fr, 'fr'],
      ] as const) {
        const r = await c.send(language);
        expect([language, r.status]).toEqual([language, c.status]);
        expect(utf8(r)).toBe(want);
        expect(r.headers['content-language']).toBe(tag);
        expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(want));
        for (const [name, value] of Object.entries(c.headers ?? {})) expect(r.headers[name]).toBe(value);
      }
    });
  }

  it('the 503 sentence agrees with the cap (plural in both languages)', async () => {
    const more = await startTestPanel({ limits: { wsConnections: 2 } });
    const open = [await connectWs(more.panel.port), await connectWs(more.panel.port)];
    try {
      const ask = (language: string) => request(more.panel.port, 'GET', `/api?token=${ACCESS}`, { ...UPGRADE, 'Accept-Language': language });
      expect(utf8(await ask('en'))).toBe('At most 2 panels may be open at once; close one.');
      expect(utf8(await ask('fr'))).toBe('Au plus 2 panneaux peuvent être ouverts à la fois ; fermez-en un.');
    } finally {
      for (const ws of open) ws.close();
      await more.close();
    }
  });
});

// Field values a client can put on the wire (RFC 9110 field-vchar, SP, HTAB, obs-text): any of them
// leaves the status as it was, and the server answers (it did not crash) in English or French.
const fieldValue = fc
  .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 300 })
  .map((codes) => Buffer.from(codes).toString('latin1').trim());

describe('any Accept-Language', () => {
  it('changes neither the status nor whether an answer comes; the body is one of the two languages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CASES), fieldValue, async (c, value) => {
        const r = await c.send(value);
        expect([value, r.status]).toEqual([value, c.status]);
        expect([c.en, c.fr]).toContain(utf8(r));
      }),
      { numRuns: 150 },
    );
    const health = await request(t.panel.port, 'GET', '/healthz');
    expect(health.status).toBe(200);
  });
});
