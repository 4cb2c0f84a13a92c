// The search box's text as a fuzzing client sends it, straight to the core (the panel caps it at 1,000
// characters; the command line and any later caller may not): every string gets results or problems,
// never an SQLite or Intl error, within a second. Found: 🎉 or "." terms past ~500 made one AND chain
// deeper than SQLite allows ("Expression tree is too large (maximum depth 1000)"), as did from:/mentions:
// names standing for hundreds of authors, and a phrase of thousands of one word took seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import type { ChatMessage } from '../../shared/types.js';

const CH = '1000000000000000001';
const AUTHORS = 700;
const author = (a: number) => ({ id: String(300000000000000000n + BigInt(a)), username: `user${a}`, displayName: `Üser ${a} (fan)`, avatarUrl: null, bot: false });
function msg(i: number): ChatMessage {
  const at = Date.UTC(2026, 2, 25) + i * 1_200_000;
  const content = `msg ${i} 🎉 :) . c++ node.js <@${author((i + 1) % AUTHORS).id}> café ${'word '.repeat(i % 4)}`;
  return { id: (BigInt(snowflakeAt(at)) + BigInt(i)).toString(), channelId: CH, author: author(i % AUTHORS), content, createdAt: at, editedAt: null, deleted: false, attachments: [], caughtUp: false };
}
const ZONES = [{}, { timeZone: 'Europe/Paris' }, { timeZone: 'America/Santiago' }, { timeZone: 'Australia/Lord_Howe' }, { timeZone: 'Pacific/Chatham' }, { tzOffsetMinutes: 210 }];
const PIECES = ['🎉', ':)', '.', '!?', 'c++', 'node.js', '#general', 'e-mail', 'from:user', 'from:üser', 'mentions:user', 'mentions:<@300000000000000001>', 'has:link', 'during:2026-03-29', 'after:2026-02-30', 'before:1969-12-31', 'during:9999-12-31', 'during:0001-01-01', '"', 'AND', 'NEAR(', '\ud800', '\udc00', '\u0000', 'a', 'word'];

describe('search answers any text within a second', () => {
  const store = new MessageStore(':memory:');
  store.addMany(Array.from({ length: 1400 }, (_, i) => msg(i)));
  const search = new MessageSearch(store, new FtsIndexer(store.database));
  const answers = (query: string, zone: object) => {
    const started = performance.now();
    const r = search.search(CH, { query, ...zone });
    expect(Array.isArray(r.messages)).toBe(true);
    expect(performance.now() - started, query.slice(0, 60)).toBeLessThan(1000);
  };

  it('10,000 characters of emoji and punctuation terms, distinct or repeated', () => {
    const distinct = Array.from({ length: 3300 }, (_, i) => String.fromCodePoint(0x2190 + (i % 112), 0x21 + Math.floor(i / 112))).join(' ');
    for (const query of ['🎉 '.repeat(3333), '. '.repeat(5000), distinct.slice(0, 10_000)]) answers(query, {});
  });

  it('a quoted phrase of thousands of words found in every message', () => {
    for (const query of [`"${'c '.repeat(4999)}"`, `"${'word '.repeat(1999)}"`, `"${'msg '.repeat(2499)}"`]) answers(query, {});
  });

  it('from: and mentions: names standing for hundreds of authors', () => {
    // "üser 1" starts 25 names ("Üser 1 (fan)", "Üser 10 (fan)", …) and is nobody's whole name.
    const names = Array.from({ length: 69 }, (_, i) => `"üser ${i + 1}"`);
    answers(names.map((p) => `from:${p}`).join(' '), {});
    answers(names.map((p) => `mentions:${p}`).join(' '), {});
  });

  it('random Unicode (lone surrogates, controls, astral) and repeated pieces up to 10,000 characters, in any zone', () => {
    const unicode = fc.string({ unit: 'binary', maxLength: 200 });
    const repeated = fc.tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '')).map(([parts, sep]) => {
      const unit = parts.join(sep) + ' ';
      return unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
    });
    const soup = fc.array(fc.oneof(fc.constantFrom(...PIECES), unicode), { maxLength: 40 }).map((p) => p.join(' '));
    fc.assert(fc.property(fc.oneof(unicode, repeated, soup), fc.constantFrom(...ZONES), (q, zone) => answers(q, zone)), { numRuns: 300 });
  });
});
