import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSearch, HAS_VALUES, parseSearch, validDate } from '../../shared/search-query.js';

describe('search query parser', () => {
  it('reads words, phrases and every filter', () => {
    expect(parseSearch('disk "backup failed" from:alice mentions:<@!123> has:image has:LINK before:2026-01-05 after:2025-12-31 during:2026-01-02')).toEqual({
      words: ['disk'],
      phrases: ['backup failed'],
      from: ['alice'],
      mentions: ['123'],
      has: ['image', 'link'],
      before: '2026-01-05',
      after: '2025-12-31',
      during: '2026-01-02',
      problems: [],
    });
  });

  it('keeps quoted filter values and treats unknown keys as words', () => {
    const q = parseSearch('from:"Alice Doe" re:deploy https://x.org');
    expect(q.from).toEqual(['Alice Doe']);
    expect(q.words).toEqual(['re:deploy', 'https://x.org']);
  });

  it('says what is wrong with a filter instead of guessing', () => {
    const q = parseSearch('before:2026-02-30 has:gif after: during:yesterday');
    expect(q.before).toBeNull();
    expect(q.has).toEqual([]);
    expect(q.problems.map((p) => [p.code, p.value, p.message])).toEqual([
      ['badDate', 'before:2026-02-30', 'before:2026-02-30 is not a date — write it as YYYY-MM-DD'],
      ['badHas', 'gif', 'has:gif is not a filter — use has:link, has:embed, has:file or has:image'],
      ['needsValue', 'after:', 'after: needs a value'],
      ['badDate', 'during:yesterday', 'during:yesterday is not a date — write it as YYYY-MM-DD'],
    ]);
  });

  it('never throws and never yields an empty word or a control character, whatever is typed or pasted', () => {
    // Control characters (a NUL pasted with a log line) separate words: a NUL inside an FTS5 phrase ended it early.
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), control, fc.constantFrom('from:', '"', 'has:', 'during:2026-01-15')), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), text), (text) => {
        const q = parseSearch(text);
        for (const w of [...q.words, ...q.phrases, ...q.from, ...q.mentions]) {
          expect(w.trim()).not.toBe('');
          expect(w).not.toMatch(/\p{Cc}/u);
        }
        for (const d of [q.before, q.after, q.during]) if (d !== null) expect(validDate(d)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(parseSearch('AND\u0000').words).toEqual(['AND']);
    expect(parseSearch('from:alice\u0000backup').from).toEqual(['alice']);
  });

  const word = fc.stringMatching(/^[a-zA-Z0-9éü_.-]{1,12}$/);
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
  const date = fc.date({ min: new Date('2015-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const query = fc.record({
    words: fc.array(word, { maxLength: 4 }),
    phrases: fc.array(phrase, { maxLength: 2 }),
    from: fc.array(fc.oneof(word, phrase), { maxLength: 2 }),
    mentions: fc.array(fc.oneof(word, fc.stringMatching(/^\d{17,19}$/)), { maxLength: 2 }),
    has: fc.uniqueArray(fc.constantFrom(...HAS_VALUES), { maxLength: 4 }),
    before: fc.option(date, { nil: null }),
    after: fc.option(date, { nil: null }),
    during: fc.option(date, { nil: null }),
  });

  it('round-trips: a query written back as text parses to the same query', () => {
    fc.assert(
      fc.property(query, (q) => {
        // A bare word that looks like "key:value" is a filter by design; the generator has no ':'.
        expect(parseSearch(formatSearch(q))).toEqual({ ...q, problems: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly the real calendar dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(validDate(text)).toBe(real);
      }),
    );
  });
});
