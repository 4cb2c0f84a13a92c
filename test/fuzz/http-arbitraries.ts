// Random HTTP requests as bytes: mostly well-formed enough to reach our routes, with random
// methods, targets and headers; some malformed at every level, some raw bytes.
import fc from 'fast-check';

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const tchar = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });

export const method = fc.oneof(
  w(6, fc.constantFrom('GET', 'HEAD')),
  w(3, fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'CONNECT', 'get')),
  w(1, tchar),
  w(1, fc.string({ maxLength: 8 })),
);

const percent = fc.uint8Array({ maxLength: 12 }).map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));

export const target = fc.oneof(
  w(4, fc.constantFrom(
    '/', '/api', '/api/auth', '/api/', '/api/x', '/healthz', '/index.html', '/assets/app.js', '//', '*', '', ' ',
    '/%ff', '/%', '/%E0%A4%A', '/%c0%ae%c0%ae/x', '/../settings.json', '/..%2fsettings.json', '/%2e%2e/token',
    '/assets/..%2f..%2fsettings.json', '/a%00b', 'http://evil.example/', '/?token=', '/api?token=%ff',
  )),
  w(3, fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`))),
  w(3, fc.tuple(fc.webPath(), percent, fc.webQueryParameters()).map(([p, e, q]) => `/${p}${e}?${q}`)),
  w(1, fc.string({ maxLength: 40 }).map((s) => `/${s}`)),
  w(1, fc.string({ unit: 'binary', maxLength: 30 })),
);

export function headers(port: number, accessToken: string) {
  const host = fc.oneof(
    w(6, fc.constantFrom(`127.0.0.1:${port}`, 'localhost', '[::1]:1')),
    w(2, fc.constantFrom('evil.example', '', 'LOCALHOST', '127.0.0.1.evil.example', '[::1')),
    w(1, printable),
  );
  const auth = fc.constantFrom(`Bearer ${accessToken}`, `Bearer ${accessToken.slice(0, -1)}A`, 'Bearer', `Basic ${accessToken}`, 'Bearer %ff');
  const value = fc.oneof(w(6, printable), w(1, fc.string({ unit: 'binary', maxLength: 30 })), w(2, fc.nat().map(String)));
  const header = fc.oneof(
    w(2, auth.map((v) => ['Authorization', v] as const)),
    w(3, fc.constantFrom(['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Expect', '100-continue'], ['Origin', `http://127.0.0.1:${port}`], ['Origin', 'http://evil.example'])),
    w(1, fc.constantFrom(['Transfer-Encoding', 'chunked'], ['Content-Length', '5'])),
    w(2, fc.constantFrom('Origin', 'Content-Length', 'Sec-WebSocket-Version', 'Sec-WebSocket-Extensions', 'Range', 'Cookie').chain((n) => value.map((v) => [n, v] as const))),
    // A second Host header (Node refuses it before routing).
    w(1, fc.constant(['Host', 'evil.example'] as const)),
    w(1, fc.tuple(tchar, value)),
  );
  // Host first most of the time: HTTP/1.1 requires it, and it is what the Host check reads.
  return fc.tuple(fc.option(host, { freq: 8, nil: undefined }), fc.array(header, { maxLength: 6 })).map(([h, rest]) => (h === undefined ? rest : [['Host', h] as const, ...rest]));
}

export const version = fc.oneof(w(8, fc.constant('HTTP/1.1')), w(1, fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.x', '')));

export interface FuzzRequest {
  method: string;
  raw: boolean;
  bytes: Buffer;
}

const knownMethod = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND');

function frame(r: { method: string; target: string; version: string; headers: (readonly [string, string])[]; body: string }): FuzzRequest {
  // A body comes with its length, or its bytes would be read as a second (pipelined) request.
  const head = r.body ? [...r.headers, ['Content-Length', String(r.body.length)] as const] : r.headers;
  const text = `${r.method} ${r.target} ${r.version}\r\n${head.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${r.body}`;
  return { method: r.method, raw: false, bytes: Buffer.from(text, 'latin1') };
}

/**
 * A whole request. Half are well-formed HTTP/1.1 (known method, Host, a few headers) so they
 * reach our routes; the others are random at every level; a few are raw bytes.
 */
export function request(port: number, accessToken: string): fc.Arbitrary<FuzzRequest> {
  const body = fc.oneof(w(3, fc.constant('')), w(1, printable));
  const hdrs = headers(port, accessToken);
  const wellFormed = fc
    .record({ method: knownMethod, target, version: fc.constant('HTTP/1.1'), headers: hdrs.map((h) => h.filter(([k]) => !/^(host|content-length|transfer-encoding)$/i.test(k)).slice(0, 3)), body })
    .map((r) => frame({ ...r, headers: [['Host', `127.0.0.1:${port}`] as const, ...r.headers] }));
  const anything = fc.record({ method, target, version, headers: hdrs, body }).map(frame);
  // The routes that decide on tokens: a WebSocket upgrade and /api/auth, with right and wrong credentials.
  const token = fc.oneof(w(4, fc.constant(accessToken)), w(2, fc.constantFrom(`${accessToken.slice(0, -1)}A`, '', '%ff')), w(1, printable.map(encodeURIComponent)));
  const upgrade = fc
    .record({
      method: fc.constantFrom('GET', 'GET', 'GET', 'POST'),
      path: fc.constantFrom('/api', '/api', '/api/', '/', '/api/auth'),
      token,
      host: fc.constantFrom(`127.0.0.1:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, 'evil.example'),
      origin: fc.option(fc.constantFrom(`http://127.0.0.1:${port}`, 'http://evil.example', 'null', '%'), { nil: undefined }),
      version: fc.constantFrom('13', '13', '8', ''),
    })
    .map((u) =>
      frame({
        method: u.method,
        target: `${u.path}?token=${u.token}`,
        version: 'HTTP/1.1',
        headers: [
          ['Host', u.host],
          ['Upgrade', 'websocket'],
          ['Connection', 'Upgrade'],
          ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
          ['Sec-WebSocket-Version', u.version],
          ...(u.origin === undefined ? [] : [['Origin', u.origin] as const]),
        ],
        body: '',
      }),
    );
  const auth = fc
    .tuple(fc.constantFrom('Bearer ', 'bearer ', 'Basic ', ''), token)
    .map(([scheme, t]) => frame({ method: 'GET', target: '/api/auth', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${port}`], ['Authorization', `${scheme}${t}`]], body: '' }));
  const raw = fc.uint8Array({ maxLength: 200 }).map((b) => ({ method: '', raw: true, bytes: Buffer.from(b) }));
  return fc.oneof(w(8, wellFormed), w(7, anything), w(3, upgrade), w(1, auth), w(1, raw));
}
