// Boundary fuzz, HTTP: random requests over raw TCP (so malformed ones really reach the server).
// After each: a clean status, /healthz answers, settings unchanged, no IDENTIFY, no token in logs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../helpers/world.js';
import { rawHttp } from '../headless/panel-fixture.js';
import { RUNS, startFuzzWorld, type FuzzWorld } from './boundary-world.js';
import { request } from './http-arbitraries.js';

// 101 upgraded, 200/204 served; the rest are refusals. Never 500, never a hang.
const CLEAN = new Set([101, 200, 204, 400, 401, 403, 404, 405, 413, 421, 426, 431, 505]);

let w: FuzzWorld;
beforeAll(async () => {
  w = await startFuzzWorld();
});
afterAll(() => w?.close());

describe('HTTP boundary fuzz', () => {
  it(`answers ${RUNS} random requests cleanly and keeps every invariant`, async () => {
    const settings = w.core.settings.view();
    await fc.assert(
      fc.asyncProperty(request(w.panel.port, w.accessToken), async (r) => {
        // Framed requests wait for the response; raw bytes are sent with a half-close.
        const res = await rawHttp(w.panel.port, r.bytes, 5000, r.raw);
        // A request cut short before its headers end may just be closed: there is nothing to answer.
        const complete = /\r?\n\r?\n/.test(r.bytes.toString('latin1'));
        if (!CLEAN.has(res.status) && !(res.status === 0 && !complete)) throw new Error(`status ${res.status}: ${res.raw.slice(0, 120)}`);
        if (res.status === 200 && !/^(GET|HEAD) /.test(r.bytes.toString('latin1'))) throw new Error(`200 to ${r.method}`);
        for (const secret of [TOKEN, w.accessToken]) if (res.raw.includes(secret)) throw new Error('a response carries a token');
        if (res.raw.includes(settings.guildId)) throw new Error('a response carries settings');
        await w.check();
      }),
      { numRuns: RUNS },
    );
    expect(w.world.fake.liveSessions(TOKEN)).toBe(1);
  }, Math.max(120_000, RUNS * 20));
});
