// HistoryQuery.page with messages held in memory (a disk fault) answers exactly what it would if they
// were stored: for any split of a channel's messages between the database and memory, and any request
// (the newest page, before, after, around a message, at an instant), property-based.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { HistoryQuery, type PageRequest } from '../../electron/core/messages/history-query.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CHANNEL, chatMessage, ID_BASE } from '../helpers/store-fixtures.js';

const id = (n: number) => String(ID_BASE + BigInt(n));

it('pages with held messages equal pages of a store holding them all', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 60 }),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      fc.oneof(
        fc.constant<PageRequest>({}),
        fc.integer({ min: 0, max: 401 }).map((n): PageRequest => ({ before: id(n) })),
        fc.integer({ min: 0, max: 401 }).map((n): PageRequest => ({ after: id(n) })),
        fc.integer({ min: 0, max: 401 }).map((n): PageRequest => ({ around: id(n) })),
        fc.integer({ min: 0, max: 401 }).map((n): PageRequest => ({ at: n })),
      ),
      fc.integer({ min: 1, max: 25 }),
      (ns, inMemory, req, limit) => {
        const all = ns.map((n) => chatMessage(n));
        const held = all.filter((_, i) => inMemory[i]);
        // A message of another channel held meanwhile never joins this channel's page.
        const other = chatMessage(500, { channelId: '1000000000000000999' });
        const split = new MessageStore(':memory:');
        const whole = new MessageStore(':memory:');
        try {
          split.addMany(all.filter((_, i) => !inMemory[i]));
          whole.addMany(all);
          const page = new HistoryQuery(split).page(CHANNEL, { ...req, limit }, [...held, other]);
          expect(page.map((m) => m.id)).toEqual(new HistoryQuery(whole).page(CHANNEL, { ...req, limit }).map((m) => m.id));
        } finally {
          split.close();
          whole.close();
        }
      },
    ),
    { numRuns: 300 },
  );
});
