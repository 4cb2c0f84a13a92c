// Search dates (before:, after:, during:) are days in the viewer's zone, each with its own offset: the
// panel sent today's UTC offset, so a Paris reader in summer searching a winter day got the wrong hour
// band (outside review). The zone travels by name and is checked at the boundary.
import { describe, expect, it } from 'vitest';
import { FtsIndexer } from '../../electron/core/messages/fts-indexer.js';
import { MessageSearch } from '../../electron/core/messages/search.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { messagesSearchInput, messagesStatsInput } from '../../shared/schemas.js';
import { CH, messageAt as msg } from '../helpers/timed-messages.js';


describe('search dates in the viewer’s time zone', () => {
  const store = new MessageStore(':memory:');
  store.addMany([
    msg(Date.UTC(2026, 0, 14, 22, 30), 'late on the 14th in Paris (23:30 CET)'),
    msg(Date.UTC(2026, 0, 14, 23, 30), 'just after midnight on the 15th in Paris (00:30 CET)'),
    msg(Date.UTC(2026, 0, 15, 12, 0), 'noon on the 15th'),
    msg(Date.UTC(2026, 0, 15, 18, 15), 'late on the 15th in Kolkata (23:45 IST)'),
    msg(Date.UTC(2026, 0, 15, 18, 45), 'just after midnight on the 16th in Kolkata (00:15 IST)'),
    msg(Date.UTC(2026, 0, 15, 22, 30), 'late on the 15th in Paris (23:30 CET)'),
    msg(Date.UTC(2026, 0, 15, 23, 30), 'just after midnight on the 16th in Paris (00:30 CET)'),
    msg(Date.UTC(2026, 2, 28, 23, 30), 'just after midnight on 29 March in Paris (00:30 CET)'),
    msg(Date.UTC(2026, 2, 29, 21, 30), 'late on 29 March in Paris (23:30 CEST)'),
    msg(Date.UTC(2026, 2, 29, 22, 30), 'just after midnight on 30 March in Paris (00:30 CEST)'),
  ]);
  const s = new MessageSearch(store, new FtsIndexer(store.database));
  const find = (query: string, zone: { timeZone?: string; tzOffsetMinutes?: number }) => s.search(CH, { query, ...zone }).messages.map((m) => m.content);

  it('during: a winter day, searched from Paris in summer, is that day in Paris (UTC+1 then, whatever the offset today)', () => {
    expect(find('during:2026-01-15 Paris', { timeZone: 'Europe/Paris' })).toEqual(['late on the 15th in Paris (23:30 CET)', 'just after midnight on the 15th in Paris (00:30 CET)']);
  });

  it('the 23-hour day of the spring change, and after:/before: around it', () => {
    expect(find('during:2026-03-29', { timeZone: 'Europe/Paris' })).toEqual(['late on 29 March in Paris (23:30 CEST)', 'just after midnight on 29 March in Paris (00:30 CET)']);
    expect(find('after:2026-03-29', { timeZone: 'Europe/Paris' })).toEqual(['just after midnight on 30 March in Paris (00:30 CEST)']);
    expect(find('before:2026-01-15', { timeZone: 'Europe/Paris' })).toEqual(['late on the 14th in Paris (23:30 CET)']);
  });

  it('a half-hour zone: the 15th in Kolkata is 14 January 18:30 UTC to the 15th 18:30', () => {
    expect(find('during:2026-01-15 Kolkata', { timeZone: 'Asia/Kolkata' })).toEqual(['late on the 15th in Kolkata (23:45 IST)']);
    expect(find('during:2026-01-16 Kolkata', { timeZone: 'Asia/Kolkata' })).toEqual(['just after midnight on the 16th in Kolkata (00:15 IST)']);
  });

  it('an older panel’s one offset is still understood, and no zone at all means UTC', () => {
    expect(find('during:2026-01-15', { tzOffsetMinutes: -60 })).toEqual(find('during:2026-01-15', { timeZone: 'Europe/Paris' }));
    expect(find('during:2026-01-15 Paris', {})).toEqual(['just after midnight on the 16th in Paris (00:30 CET)', 'late on the 15th in Paris (23:30 CET)']);
  });

  it('the contract takes a zone name and refuses one it does not know, saying what to give', () => {
    expect(messagesSearchInput.parse({ query: 'x', timeZone: 'Europe/Paris' }).timeZone).toBe('Europe/Paris');
    for (const schema of [messagesSearchInput, messagesStatsInput]) {
      const refused = schema.safeParse({ ...(schema === messagesSearchInput ? { query: 'x' } : {}), timeZone: 'Mars/Olympus' });
      expect(refused.success).toBe(false);
      expect(refused.error!.issues[0]!.message).toBe('Unknown time zone “Mars/Olympus”: give an IANA zone name such as Europe/Paris or America/New_York.');
    }
  });
});
