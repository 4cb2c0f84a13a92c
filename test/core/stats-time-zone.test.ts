// Statistics in the viewer's time zone: each message on its local day and hour, with the offset of its
// own date (the panel sent today's offset, so a period across a daylight-saving change put evening
// messages on the wrong day and shifted the busiest hours; outside review), in half-hour zones too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelStats } from '../../electron/core/messages/stats.js';
import { MessageStore } from '../../electron/core/messages/store.js';
import { CH, messageAt as msg } from '../helpers/timed-messages.js';


/** What a reader there sees: the message's local date and hour, from Intl. */
function local(zone: string, t: number): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

describe('statistics in the viewer’s time zone', () => {
  it('empty channel, one message, a period with none, a period ending before it starts', () => {
    const store = new MessageStore(':memory:');
    const empty = channelStats(store, CH, { timeZone: 'Europe/Paris' });
    expect(empty).toEqual({ total: 0, perDay: [], hours: Array(24).fill(0), topAuthors: [], attachments: { count: 0, bytes: 0 } });
    store.add(msg(Date.UTC(2026, 2, 1, 12)));
    expect(channelStats(store, CH, {}).total).toBe(1);
    expect(channelStats(store, CH, { from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 4, 1) }).total).toBe(0);
    expect(channelStats(store, CH, { from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 3, 1) }).total).toBe(0);
  });

  it('a period spanning the DST change counts each message on its local day and hour (Paris, viewed in April)', () => {
    const store = new MessageStore(':memory:');
    // Paris switched to summer time on 2026-03-29. Both messages are at 23:30 local time.
    store.add(msg(Date.UTC(2026, 2, 20, 22, 30))); // 20 March 23:30 CET (UTC+1)
    store.add(msg(Date.UTC(2026, 3, 5, 21, 30))); // 5 April 23:30 CEST (UTC+2)
    const s = channelStats(store, CH, { from: Date.UTC(2026, 2, 1), timeZone: 'Europe/Paris' });
    expect(s.perDay).toEqual([{ day: '2026-03-20', count: 1 }, { day: '2026-04-05', count: 1 }]);
    expect(s.hours[23]).toBe(2);
  });

  it('half- and quarter-hour zones split an hour of UTC between two local hours', () => {
    const store = new MessageStore(':memory:');
    store.add(msg(Date.UTC(2026, 0, 15, 10, 15))); // 15:45 in Kolkata, 16:00 in Kathmandu
    store.add(msg(Date.UTC(2026, 0, 15, 10, 45))); // 16:15 in Kolkata, 16:30 in Kathmandu
    store.add(msg(Date.UTC(2026, 0, 15, 18, 20))); // 23:50 on the 15th in Kolkata, 00:05 on the 16th in Kathmandu
    const kolkata = channelStats(store, CH, { timeZone: 'Asia/Kolkata' });
    expect([kolkata.hours[15], kolkata.hours[16], kolkata.hours[23]]).toEqual([1, 1, 1]);
    expect(kolkata.perDay).toEqual([{ day: '2026-01-15', count: 3 }]);
    const kathmandu = channelStats(store, CH, { timeZone: 'Asia/Kathmandu' });
    expect([kathmandu.hours[16], kathmandu.hours[0]]).toEqual([2, 1]);
    expect(kathmandu.perDay).toEqual([{ day: '2026-01-15', count: 2 }, { day: '2026-01-16', count: 1 }]);
  });

  it('an older panel’s one offset still applies to every date', () => {
    const store = new MessageStore(':memory:');
    store.add(msg(Date.UTC(2026, 0, 1, 12)));
    // UTC−13: 12:00 UTC is 23:00 the day before.
    expect(channelStats(store, CH, { tzOffsetMinutes: 13 * 60 }).perDay).toEqual([{ day: '2025-12-31', count: 1 }]);
  });

  it('per day and per hour agree with Intl for any messages in any zone', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }), { minLength: 1, maxLength: 60 }), (zone, times) => {
        const store = new MessageStore(':memory:');
        store.addMany(times.map((t) => msg(t)));
        const stats = channelStats(store, CH, { timeZone: zone });
        const days = new Map<string, number>();
        const hours = Array(24).fill(0);
        for (const t of times) {
          const l = local(zone, t);
          days.set(l.day, (days.get(l.day) ?? 0) + 1);
          hours[l.hour]++;
        }
        expect(stats.perDay).toEqual([...days].sort().map(([day, count]) => ({ day, count })));
        expect(stats.hours).toEqual(hours);
        store.close();
      }),
      { numRuns: 300 },
    );
  });
});
