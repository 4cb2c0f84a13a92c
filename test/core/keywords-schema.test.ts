// The highlight-keyword schemas (shared/schemas.ts) against any input: HIGHLIGHT_KEYWORDS and the
// panel's field are parsed with them, and settings.json's JSON schema must accept whatever they accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORED_SCHEMA } from '../../electron/core/settings/schema.js';
import { highlightKeywordList, highlightKeywords, KEYWORD_MAX_LENGTH, KEYWORDS_MAX } from '../../shared/schemas.js';

// settings.json is checked with STORED_SCHEMA on load and before every write (validated-store.ts).
const storeAccepts = (list: string[]) => STORED_SCHEMA.safeParse({ highlightKeywords: list }).success;
const word = fc.string({ unit: fc.constantFrom(...'aéZ9 _-.*(', '\u00a0', '\u3000', 'ß', 'İ', '🙂', '\u0301'), maxLength: 70 });
// Any text, and text shaped like a list (near the bounds: long items, many items, blank items, duplicates).
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(word, { maxLength: 60 }).map((items) => items.join(',')));
const keyword = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: KEYWORD_MAX_LENGTH })
  .filter((k) => highlightKeywords.safeParse([k]).success);

describe('highlight keyword schemas', () => {
  it('parse any text without throwing; what they accept is within the bounds and storable', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = highlightKeywordList.safeParse(text);
        if (!parsed.success) return;
        const list = parsed.data;
        expect(list.length).toBeLessThanOrEqual(KEYWORDS_MAX);
        for (const k of list) {
          expect(k).toBe(k.trim());
          expect(k.length).toBeGreaterThan(0);
          expect(k.length).toBeLessThanOrEqual(KEYWORD_MAX_LENGTH);
          expect(k).not.toMatch(/[,\p{Cc}\p{Zl}\p{Zp}]/u);
        }
        expect(new Set(list.map((k) => k.toLowerCase())).size).toBe(list.length);
        expect(storeAccepts(list)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('control characters, commas and line breaks are refused wherever they are', () => {
    fc.assert(
      fc.property(keyword, fc.constantFrom('\0', '\u0007', '\t', '\n', '\r', '\u007f', '\u0085', '\u2028', '\u2029', ','), fc.nat(), (k, bad, at) => {
        const i = at % (k.length + 1);
        const spoiled = `x${k.slice(0, i)}${bad}${k.slice(i)}x`;
        expect(highlightKeywords.safeParse([spoiled]).success).toBe(false);
        expect(storeAccepts([spoiled])).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('the panel field round-trips: a stored list, joined as the field shows it, parses back to itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { maxLength: KEYWORDS_MAX, selector: (k) => k.trim().toLowerCase() }), (keywords) => {
        const stored = highlightKeywords.parse(keywords);
        expect(highlightKeywordList.parse(stored.join(', '))).toEqual(stored);
      }),
      { numRuns: 300 },
    );
  });
});
