// An export filtered with a search text keeps exactly what the panel's search lists for it, whatever the
// store and the text: random small stores (contents from a vocabulary of words, accents, emoji and
// punctuation; messages around daylight-saving changes), random queries, any page size on either side.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { snowflakeAt } from '../../electron/core/messages/last-seen.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import type { ChatMessage } from '../../shared/types.js';
import { CHANNEL, sampleMessage, storeWith, type StoredFixture } from '../helpers/archive-fixture.js';

const WORDS = ['deploy', 'redeployed', 'Café', 'cafe', 'C++', 'c', 'node.js', 'node', 'js', '#general', 'general', '🎉', ':)', 'don’t', "don't", 'E-mail', 'ping', '<@300000000000000002>', 'https://example.org/x', 'ÉLODIE'];
const TERMS = ['deploy', 'cafe', 'CAFÉ', 'c++', 'c', 'node.js', 'js', '#general', 'general', '🎉', ':)', "don't", 'e-mail', '"deploy ping"', 'from:ali', 'from:bob', 'mentions:bob', 'has:link', 'nothing'];
// Around Paris's spring change (29 March 2026, 02:00 → 03:00) and Lord Howe's autumn one (5 April, 30 minutes back).
const START = Date.UTC(2026, 2, 27);
const DAYS = ['2026-03-28', '2026-03-29', '2026-03-30', '2026-04-04', '2026-04-05'];
const ZONES = ['UTC', 'Europe/Paris', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];

const fixtures: StoredFixture[] = [];
afterAll(() => fixtures.forEach((f) => f.close()));

const store = fc.array(fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 10 * 24 * 60 })), { minLength: 1, maxLength: 30 });
const query = fc.tuple(
  fc.array(fc.constantFrom(...TERMS), { maxLength: 3 }),
  fc.option(fc.tuple(fc.constantFrom('during', 'after', 'before'), fc.constantFrom(...DAYS)).map(([k, d]) => `${k}:${d}`)),
).map(([terms, date]) => [...terms, ...(date ? [date] : [])].join(' ')).filter((q) => q.trim() !== '');

describe('a filtered export and the search agree', () => {
  it('on random stores and queries, in zones with daylight saving', () => {
    fc.assert(
      fc.property(store, query, fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (rows, text, timeZone, pageSize, limit) => {
        const f = storeWith(rows.length, (i): ChatMessage => {
          const [words, minutes] = rows[i]!;
          const createdAt = START + minutes * 60_000;
          return { ...sampleMessage(i, words.join(' ')), createdAt, id: (BigInt(snowflakeAt(createdAt)) + BigInt(i)).toString() };
        });
        fixtures.push(f);
        const search = new MessageSearch(f.store, new FtsIndexer(f.store.database));
        const searched: string[] = [];
        let problems = 0;
        for (let before: string | undefined; ; ) {
          const page = search.search(CHANNEL, { query: text, timeZone, limit, ...(before ? { before } : {}) });
          problems += page.problems.length;
          searched.push(...page.messages.map((m) => m.id));
          if (!page.nextBefore) break;
          before = page.nextBefore;
        }
        const reader = new ArchiveReader(f.file);
        try {
          const pages = () => [...reader.pages({ channelId: CHANNEL, query: text, timeZone }, pageSize)].flatMap((p) => p.messages.map((m) => m.id));
          if (problems) expect(pages).toThrow();
          else expect(pages().sort()).toEqual(searched.sort());
        } finally {
          reader.close();
          f.close();
          fixtures.pop();
        }
      }),
      { numRuns: 150 },
    );
  });
});
