// The highlight-keyword matcher (shared/keyword-match.ts): examples, then properties over any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordMatcher, type KeywordPart } from '../../shared/keyword-match.js';

const join = (parts: KeywordPart[]) => parts.map((p) => (typeof p === 'string' ? p : p.keyword)).join('');
const found = (parts: KeywordPart[]) => parts.flatMap((p) => (typeof p === 'string' ? [] : [p.keyword]));

const SPECIALS = [...'.*+?^${}()|[]\\/-'];
const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 });
const wordChar = fc.constantFrom(...'abcXYZ019_éß'.split(''), 'ж', '字', '\u0301');
const separator = fc.constantFrom(' ', '.', ',', '!', '?', '(', ')', '\n', '*', '"', '—', '🙂');

describe('keyword matcher', () => {
  it('finds keywords as whole words, in any case, longest first', () => {
    const m = keywordMatcher(['deploy', 'on call', 'on', 'c++', 'Zoë'])!;
    expect(m.test('DEPLOY failed')).toBe(true);
    expect(m.test('redeployed')).toBe(false);
    expect(m.test('who is On Call?')).toBe(true);
    expect(m.test('c++ or c#')).toBe(true);
    expect(m.test('ZOË said')).toBe(true);
    expect(m.split('ping: on call, c++!')).toEqual(['ping: ', { keyword: 'on call' }, ', ', { keyword: 'c++' }, '!']);
    expect(m.split('concatenate')).toEqual(['concatenate']);
  });

  it('is null without usable keywords', () => {
    expect(keywordMatcher([])).toBeNull();
    expect(keywordMatcher(['', '  '])).toBeNull();
  });

  it('never throws, and its parts always join back to the text', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 8 }), anyText, (keywords, text) => {
        const m = keywordMatcher(keywords);
        if (!m) return keywords.every((k) => k.trim() === '');
        expect(typeof m.test(text)).toBe('boolean');
        expect(join(m.split(text))).toBe(text);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('takes regular-expression characters literally', () => {
    fc.assert(
      fc.property(letters, fc.constantFrom(...SPECIALS), letters, fc.constantFrom('x', '0', ...SPECIALS), (a, special, b, other) => {
        fc.pre(other !== special);
        const keyword = `${a}${special}${b}`;
        const m = keywordMatcher([keyword])!;
        // Found as it is, between spaces …
        expect(m.test(` ${keyword} `)).toBe(true);
        expect(found(m.split(`say ${keyword}.`))).toEqual([keyword]);
        // … never as a pattern: the same text with another character in the special's place is not it.
        expect(m.test(` ${a}${other}${b} `)).toBe(false);
        expect(m.test(` ${a}${special.repeat(2)}${b} `)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never matches inside a longer word', () => {
    fc.assert(
      fc.property(letters, fc.array(wordChar, { maxLength: 3 }), fc.array(wordChar, { maxLength: 3 }), (keyword, before, after) => {
        fc.pre(before.length + after.length > 0);
        const m = keywordMatcher([keyword])!;
        // One run of word characters has no boundary inside: only the whole of it could match, and it is longer.
        const text = `${before.join('')}${keyword}${after.join('')}`;
        expect(m.test(text)).toBe(false);
        expect(m.split(text)).toEqual([text]);
      }),
      { numRuns: 300 },
    );
  });

  it('matches in any case between any separators', () => {
    fc.assert(
      fc.property(letters, fc.boolean(), separator, separator, fc.string({ maxLength: 20 }), (keyword, upper, left, right, rest) => {
        const written = upper ? keyword.toUpperCase() : keyword;
        const m = keywordMatcher([keyword])!;
        const parts = m.split(`${left}${written}${right}${rest}`);
        expect(found(parts)[0]).toBe(written);
        expect(found(parts).every((k) => k.toLowerCase() === keyword)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
