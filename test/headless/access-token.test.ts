// Issue 7 item 5: a wrong access token of the right length is refused everywhere, and the
// comparison takes the same path whatever the guess (digests of equal length, timingSafeEqual).
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sameSecret } from '../../electron/headless/http/guards.js';
import { ACCESS, connectWs, request, startTestPanel, type TestPanel } from './panel-fixture.js';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

/** The real token with one character changed, at every position. */
const flipped = (token: string) =>
  Array.from(token, (c, i) => token.slice(0, i) + (c === 'a' ? 'b' : 'a') + token.slice(i + 1));

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t.close());

describe('same-length wrong access token', () => {
  it('is refused by the WebSocket upgrade and by /api/auth, whichever character differs', async () => {
    const wrong = flipped(ACCESS);
    expect(wrong.every((w) => w.length === ACCESS.length && w !== ACCESS)).toBe(true);
    for (const w of [wrong[0]!, wrong[ACCESS.length >> 1]!, wrong.at(-1)!]) {
      await expect(connectWs(t.panel.port, `?token=${w}`)).rejects.toThrow('HTTP 401');
    }
    for (const w of wrong) {
      expect((await request(t.panel.port, 'GET', '/api/auth', { Authorization: `Bearer ${w}` })).status).toBe(401);
    }
    expect((await request(t.panel.port, 'GET', '/api/auth', { Authorization: `Bearer ${ACCESS}` })).status).toBe(204);
  });

  it('compares fixed-length digests with timingSafeEqual, whatever the length of the guess', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const guesses = ['', 'p', flipped(ACCESS)[3]!, `${ACCESS}x`, ACCESS.slice(0, -1), 'x'.repeat(10_000)];
    for (const g of guesses) expect(sameSecret(g, ACCESS)).toBe(false);
    expect(sameSecret(ACCESS, ACCESS)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(guesses.length + 1);
    for (const [a, b] of spy.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });
});
