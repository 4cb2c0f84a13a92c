// Properties of the small parsers at the panel boundary: request targets, percent-decoding,
// the Host check, JSON nesting, and the command budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from '../../electron/headless/http/frames.js';
import { hostAllowed } from '../../electron/headless/http/guards.js';
import { TokenBucket } from '../../electron/core/token-bucket.js';
import { decodePath, targetPath } from '../../electron/headless/http/static-files.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const depth = (v: Json): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(depth)) : 0;

describe('nestedDeeperThan', () => {
  it('agrees with the real nesting depth of any JSON, brackets inside strings included', () => {
    const tricky = fc.jsonValue({ maxDepth: 8 }).map((v) => [v, '[{"\\"[', { '}]': ['\\\\'] }] as Json);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 8 }) as fc.Arbitrary<Json>, tricky), fc.integer({ min: 0, max: 10 }), (v, max) => {
        expect(nestedDeeperThan(JSON.stringify(v), max)).toBe(depth(v) > max);
      }),
      { numRuns: 500 },
    );
  });

  it('measures 100,000 levels without recursing', () => {
    expect(nestedDeeperThan('['.repeat(100_000) + ']'.repeat(100_000), 32)).toBe(true);
  });
});

describe('request targets and paths', () => {
  it('never throws; keeps only origin-form targets; decodes exactly what decodeURIComponent accepts, minus NUL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.string({ unit: 'binary' })), (t) => {
        const path = targetPath(t);
        if (path === null) {
          expect(!t.startsWith('/') || t.startsWith('//')).toBe(true);
          return;
        }
        expect(path.startsWith('/') && !/[?#]/.test(path)).toBe(true);
        let expected: string | null;
        try {
          expected = decodeURIComponent(path);
        } catch {
          expected = null;
        }
        if (expected?.includes('\0')) expected = null;
        expect(decodePath(path)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostAllowed', () => {
  const port = fc.option(fc.integer({ min: 0, max: 65535 }).map((p) => `:${p}`), { nil: '' });

  it('accepts loopback names and the bound host with any port', () => {
    fc.assert(
      fc.property(fc.constantFrom('localhost', 'LocalHost', '127.0.0.1', '[::1]', '10.1.2.3'), port, (name, p) => {
        expect(hostAllowed(`${name}${p}`, '10.1.2.3')).toBe(true);
      }),
    );
  });

  it('refuses every other name on a loopback bind, and never throws', () => {
    const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.string(), fc.ipV4(), fc.ipV6().map((a) => `[${a}]`)), port, (name, p) => {
        expect(hostAllowed(`${name}${p}`, '127.0.0.1')).toBe(loopback.has(name.toLowerCase()));
      }),
      { numRuns: 1000 },
    );
  });

  it('on a wildcard bind accepts IP literals but not domain names (DNS rebinding)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6().map((a) => `[${a}]`)), port, (ip, p) => {
        expect(hostAllowed(`${ip}${p}`, '0.0.0.0')).toBe(true);
      }),
    );
    expect(hostAllowed('evil.example:8787', '0.0.0.0')).toBe(false);
    expect(hostAllowed('evil.example', '::')).toBe(false);
  });
});

describe('TokenBucket', () => {
  it('never grants more than burst + rate × elapsed, and grants at least that much to a steady caller', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 300 }), (gaps) => {
        let now = 0;
        const bucket = new TokenBucket({ perSecond: 20, burst: 50 }, () => now);
        let granted = 0;
        for (const gap of gaps) {
          now += gap;
          if (bucket.take()) granted++;
        }
        expect(granted).toBeLessThanOrEqual(50 + Math.floor((now / 1000) * 20));
        expect(granted).toBeLessThanOrEqual(gaps.length);
        // Never refused while the caller stays under the rate.
        if (gaps.every((g) => g >= 50)) expect(granted).toBe(gaps.length);
      }),
    );
  });
});
