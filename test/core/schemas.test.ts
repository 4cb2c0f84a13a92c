// The boundary's validators, checked against the real world: WHATWG URLs, real `git check-ref-format`, BigInt.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { STORED_SCHEMA } from '../../electron/core/settings/schema.js';
import { apiUrl, branchName, snowflake } from '../../shared/schemas.js';

describe('apiUrl', () => {
  it.each([
    ['HTTP://127.0.0.1:8080/api', 'http://127.0.0.1:8080/api'],
    ['HtTpS://Discord.COM/api/', 'https://discord.com/api'],
    ['  https://discord.com/api  ', 'https://discord.com/api'],
    ['https://discord.com:443/api', 'https://discord.com/api'],
    ['http://[::1]:9/api', 'http://[::1]:9/api'],
  ])('accepts %s as %s', (input, output) => {
    expect(apiUrl.parse(input)).toBe(output);
  });

  it.each([
    'http://user:hunter2@example.com/api',
    'https://user@example.com/api',
    'https://:hunter2@example.com/api',
    'ftp://example.com/api',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ws://example.com/api',
    'https://example.com/api?x=1',
    'https://example.com/api#frag',
    'example.com/api',
    '',
  ])('refuses %s, without echoing it', (input) => {
    const result = apiUrl.safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues.map((i) => i.message))).not.toContain('hunter2');
  });

  it('refuses a URL longer than 2,048 characters as too long, without echoing it (a megabyte came back three times in the refusal and could be saved)', () => {
    const long = `https://discord.com/${'a'.repeat(2048)}`;
    const result = apiUrl.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.code)).toEqual(['too_big']);
    expect(JSON.stringify(result.error?.issues)).not.toContain('a'.repeat(100));
    expect(apiUrl.safeParse(long.slice(0, 2048)).success).toBe(true);
  });

  it('whatever it accepts is a plain http(s) URL without userinfo, and parsing it again changes nothing', () => {
    const scheme = fc.constantFrom('http', 'https', 'HTTP', 'Https', 'ftp', 'ws', 'file', 'javascript');
    const candidate = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv6: true } }),
      fc.tuple(scheme, fc.webUrl({ authoritySettings: { withUserInfo: true } })).map(([s, u]) => u.replace(/^https?/, s)),
    );
    fc.assert(
      fc.property(candidate, (input) => {
        const result = apiUrl.safeParse(input);
        if (!result.success) return;
        const url = new URL(result.data);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password + url.search + url.hash).toBe('');
        expect(result.data).not.toMatch(/\/$/);
        expect(apiUrl.parse(result.data)).toBe(result.data);
        // settings.json's schema (checked on load and on every write) agrees with what the panel saves.
        expect(STORED_SCHEMA.safeParse({ apiUrl: result.data }).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every http(s) URL without userinfo, query or fragment, whatever the scheme case', () => {
    const upper = fc.webUrl({ authoritySettings: { withPort: true, withIPv6: true } });
    fc.assert(
      fc.property(upper, fc.boolean(), (url, shout) => {
        const input = shout ? url.replace(/^https?/, (s) => s.toUpperCase()) : url;
        expect(apiUrl.safeParse(input).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('snowflake', () => {
  const MAX = 2n ** 64n - 1n;

  it('accepts 2^64−1 and refuses anything above it', () => {
    expect(snowflake.parse('18446744073709551615')).toBe('18446744073709551615');
    for (const id of ['18446744073709551616', '18446744073709551620', '20000000000000000000', '99999999999999999999']) {
      expect(snowflake.safeParse(id).success).toBe(false);
    }
  });

  // zod runs the range check even after the pattern failed: BigInt read a frame's million digits (~120 ms
  // of a stalled event loop, and a panel may send 20 such frames a second).
  it('never reads more than 20 digits as a number', () => {
    const bigInt = vi.spyOn(globalThis, 'BigInt');
    try {
      for (const id of ['1'.repeat(1_000_000), '9'.repeat(21), ` ${'1'.repeat(5000)} `]) expect(snowflake.safeParse(id).success).toBe(false);
      expect(bigInt.mock.calls.filter(([v]) => String(v).length > 20)).toEqual([]);
    } finally {
      bigInt.mockRestore();
    }
  });

  it('agrees with BigInt on every digit string', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 22 });
    const nearMax = fc.bigInt(MAX - 10_000n, MAX + 10_000n).map(String);
    const noise = fc.tuple(digits, fc.constantFrom('', ' ', 'a', '-', '+', '.', 'e1', '\n', '٣')).map(([d, x]) => d + x);
    fc.assert(
      fc.property(fc.oneof(digits, nearMax, noise, fc.string()), (input) => {
        const trimmed = input.trim();
        const expected = /^[0-9]{17,20}$/.test(trimmed) && !trimmed.startsWith('0') && BigInt(trimmed) <= MAX;
        expect(snowflake.safeParse(input).success).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('branchName', () => {
  // Outside any repository, so `@{-1}` cannot be resolved against someone's reflog.
  const cwd = mkdtempSync(join(tmpdir(), 'dm-refname-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const gitAccepts = (name: string) =>
    spawnSync('git', ['check-ref-format', '--branch', name], { cwd, env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } }).status === 0;

  it.each(['HEAD', '/', 'x.lock', 'a/b.lock', 'a..b', 'a@{b', '@{-1}', 'a/', 'a.', 'a//b', '/a', 'a\u0001b', 'a\u007fb', 'a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', '-x', '.a', 'a/.b', '@'])(
    'refuses %j',
    (name) => {
      expect(branchName.safeParse(name).success).toBe(false);
    },
  );

  it.each(['main', 'release/1.2', 'feature/x-y_z', 'a/-x', 'x/HEAD', 'HEAD/x', 'v1.0_rc-2', 'a.b/c'])('accepts %j', (name) => {
    expect(branchName.parse(name)).toBe(name);
  });

  // Documented stricter than git: the update engine's character set only (git would take these).
  it.each(['é', 'a@b', 'a{b}', 'fix#1', 'a+b', 'x'.repeat(101)])('refuses %j, which git accepts', (name) => {
    expect(gitAccepts(name)).toBe(true);
    expect(branchName.safeParse(name).success).toBe(false);
  });

  it('accepts the empty string: follow the checked-out branch', () => {
    expect(branchName.parse('')).toBe('');
  });

  it('agrees with git check-ref-format --branch', () => {
    // Mostly the allowed characters, so that git's own rules (dots, slashes, .lock, HEAD, dashes) are what is compared.
    const allowed = ['a', 'B', '0', '_', '.', '..', '/', '//', '-', '.lock', 'lock', 'HEAD', 'a.', '/.', 'x/'];
    const outside = ['@', '@{', '~', ':', '*', '\\', ' ', '\u007f', 'é', '{', '+'];
    const join = (set: string[]) => fc.array(fc.constantFrom(...set), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const name = fc.oneof(
      { arbitrary: join(allowed), weight: 4 },
      { arbitrary: join([...allowed, ...outside]), weight: 1 },
      { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 1 },
    );
    // Documented stricter than git: ASCII letters, digits, '.', '_', '-', '/' only, at most 100 characters.
    const stricter = (s: string) => s.length > 100 || !/^[A-Za-z0-9._/-]*$/.test(s);
    fc.assert(
      fc.property(
        name.filter((s) => !s.includes('\0') && s === s.trim() && s !== ''),
        (input) => {
          const ours = branchName.safeParse(input).success;
          if (stricter(input)) expect(ours).toBe(false);
          else expect(ours, JSON.stringify(input)).toBe(gitAccepts(input));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('trims surrounding whitespace, then checks the rest like git', () => {
    expect(branchName.parse('  main ')).toBe('main');
    expect(branchName.safeParse(' a b ').success).toBe(false);
  });
});
