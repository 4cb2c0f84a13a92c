// Issue 7 item 1: any request path, however malformed, gets a clean answer and the server keeps serving.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthy, rawHttp, request, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
  writeFileSync(join(t.world.dataDir, 'secret.txt'), 'do not serve');
});
afterAll(() => t.close());

describe('malformed paths', () => {
  it.each(['/%ff', '/%', '/%E0%A4%A', '/%c0%ae%c0%ae/x', '/assets/%', '/a%00b', '/%00'])('answers 400 to GET %s and keeps serving', async (path) => {
    const res = await request(t.panel.port, 'GET', path);
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/path/i);
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('answers 400 to a request target that is not a path (scheme-relative, absolute, asterisk)', async () => {
    for (const target of ['//', '//evil.example/x', 'http://evil.example/', '*']) {
      const res = await request(t.panel.port, 'GET', target);
      expect(res.status, target).toBe(400);
    }
    expect(await healthy(t.panel.port)).toBe(true);
  });

  it('never serves a file outside the panel folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await request(t.panel.port, 'GET', path);
      expect(res.body, path).not.toContain('do not serve');
    }
  });

  it('survives a client that resets the connection mid-request', async () => {
    // Half a request line, then a reset: the server must not crash on the socket error.
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const s = connect(t.panel.port, '127.0.0.1', () => {
        s.write('GET /%ff HT');
        s.resetAndDestroy();
        resolve();
      });
      s.on('error', () => undefined);
    });
    const res = await rawHttp(t.panel.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(200);
  });
});
