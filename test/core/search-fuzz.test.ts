// Whatever the search box sends — FTS5 operators, quotes, emoji, control characters, a NUL pasted with
// a log line — the search answers results or problems, never an SQLite error: "AND\u0000" ended the FTS5
// phrase at the NUL ("unterminated string"), which the panel showed as "failed unexpectedly" (outside review).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CH, messageAt as msg } from '../helpers/timed-messages.js';


const PIECES = ['AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '*', '^', ':', '(', ')', '-', '"', '""', "'", '\\', 'from:', 'has:', 'before:', 'after:2026-02-29', 'during:2026-01-15', 'from:"a', 'mentions:<@1>', 'has:LINK', '🎉', 'é', '東京', '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u200b', '\t', '\n', 'backup', 'morning', 'NEAR(a b, 2)', '{content}', 'content:', 'author:1', 'has:file', 'from:ali', 'before:9999-12-31', 'after:0001-01-01'];
const ZONES = [{}, { timeZone: 'Europe/Paris' }, { timeZone: 'Asia/Kolkata' }, { timeZone: 'Pacific/Kiritimati' }, { tzOffsetMinutes: 600 }];

describe('search never fails on what the box can send', () => {
  const store = new MessageStore(':memory:');
  store.addMany([msg(Date.UTC(2026, 0, 15, 12), 'noon on the 15th 🎉'), msg(Date.UTC(2026, 0, 16, 9), 'plain morning message'), msg(Date.UTC(2026, 0, 16, 10), 'backup AND restore')]);
  const s = new MessageSearch(store, new FtsIndexer(store.database));

  it('a NUL typed or pasted into the box separates words (the review’s minimal case "AND\\u0000")', () => {
    expect(s.search(CH, { query: 'AND\u0000' }).messages.map((m) => m.content)).toEqual(['backup AND restore']);
    expect(s.search(CH, { query: 'backup\u0000restore' }).messages.map((m) => m.content)).toEqual(['backup AND restore']);
    expect(s.search(CH, { query: '\u0000' }).messages).toHaveLength(3);
  });

  it('never throws on operator soup with control characters, in any zone', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const query = fc.array(fc.oneof(fc.constantFrom(...PIECES), text), { maxLength: 30 }).chain((parts) => fc.constantFrom(' ', '', '  ').map((sep) => parts.join(sep)));
    fc.assert(
      fc.property(query, fc.constantFrom(...ZONES), (q, zone) => {
        const r = s.search(CH, { query: q.slice(0, 1000), ...zone });
        expect(Array.isArray(r.messages)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
