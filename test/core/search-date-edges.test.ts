// Dates at the ends of what YYYY-MM-DD can write: after:9999-12-31 and during:9999-12-31 threw (the day
// after was "+010000-01", read as NaN: "Invalid time value" in a named zone, "NaN cannot be converted to a
// BigInt" otherwise), which the panel showed as a failed search and an export as a failed run. Years
// 0000-0099 were refused as "not a date" (Date.UTC reads them as 1900-1999).
import { describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../electron/core/archive/reader.js';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { dayStart, nextDate, UTC } from '../../electron/core/messages/time-zone.js';
import { parseSearch, validDate } from '../../shared/search-query.js';
import { CHANNEL, storeWith } from '../helpers/archive-fixture.js';

const ZONES = [{}, { timeZone: 'Europe/Paris' }, { timeZone: 'America/Santiago' }, { tzOffsetMinutes: 300 }, { tzOffsetMinutes: -780 }];

describe('dates at the ends of the calendar', () => {
  const f = storeWith(5);
  const search = new MessageSearch(f.store, new FtsIndexer(f.store.database));
  const found = (query: string, zone: object) => search.search(CHANNEL, { query, ...zone });

  it.each(ZONES)('after:/during: the last day YYYY-MM-DD can write answer nothing, in %j', (zone) => {
    for (const query of ['after:9999-12-31', 'during:9999-12-31', 'plain during:9999-12-31', '🎉 after:9999-12-31']) {
      const r = found(query, zone);
      expect([query, r.messages, r.problems]).toEqual([query, [], []]);
    }
    expect(found('before:9999-12-31', zone).messages).toHaveLength(5);
    expect(found('after:0001-01-01', zone).messages).toHaveLength(5);
  });

  it('an export with such a date keeps nothing instead of failing', () => {
    const reader = new ArchiveReader(f.file);
    try {
      const pages = [...reader.pages({ channelId: CHANNEL, query: 'during:9999-12-31', timeZone: 'Europe/Paris' })];
      expect(pages.flatMap((p) => p.messages)).toEqual([]);
    } finally {
      reader.close();
    }
  });

  it('years 0000-0099 are dates (before Discord: nothing in them)', () => {
    expect(validDate('0050-01-01')).toBe(true);
    expect(validDate('0000-02-29')).toBe(true);
    expect(validDate('0001-02-29')).toBe(false);
    expect(parseSearch('during:0050-01-01').problems).toEqual([]);
    expect(found('during:0050-01-01', {}).messages).toEqual([]);
    expect(nextDate('0050-12-31')).toBe('0051-01-01');
    expect(dayStart(UTC, '0050-01-01')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it('the day after 9999-12-31 is year 10000', () => {
    expect(nextDate('9999-12-31')).toBe('10000-01-01');
    expect(dayStart(UTC, '10000-01-01')).toBe(Date.parse('+010000-01-01T00:00:00Z'));
  });
});
