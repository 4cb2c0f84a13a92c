// Days in a named time zone (search dates, statistics, export ranges): each date with its own offset,
// checked against Intl's own calendar, including days of 23 and 25 hours and midnights skipped or repeated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayStart, namedZone, nextDate, offsetSpans, offsetZone, UTC } from '../../electron/core/messages/time-zone.js';
import { knownTimeZone } from '../../shared/time-zone.js';

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Pacific/Chatham', 'Pacific/Kiritimati', 'UTC'];
const HOUR = 3_600_000;

/** The local date of an instant, as Intl tells it. */
const localDate = (zone: string, t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);

describe('time zones', () => {
  it('a day in Paris begins at its own midnight: CET in winter, CEST in summer, whatever the season of asking', () => {
    const paris = namedZone('Europe/Paris');
    expect(dayStart(paris, '2026-01-15')).toBe(Date.UTC(2026, 0, 14, 23));
    expect(dayStart(paris, '2026-07-15')).toBe(Date.UTC(2026, 6, 14, 22));
    // 29 March 2026 has 23 hours there, 25 October 25.
    expect(dayStart(paris, '2026-03-30') - dayStart(paris, '2026-03-29')).toBe(23 * HOUR);
    expect(dayStart(paris, '2026-10-26') - dayStart(paris, '2026-10-25')).toBe(25 * HOUR);
  });

  it('half- and quarter-hour zones, and a fixed offset as older panels send it', () => {
    expect(dayStart(namedZone('Asia/Kolkata'), '2026-01-15')).toBe(Date.UTC(2026, 0, 14, 18, 30));
    expect(dayStart(namedZone('Asia/Kathmandu'), '2026-01-15')).toBe(Date.UTC(2026, 0, 14, 18, 15));
    expect(dayStart(offsetZone(-120), '2026-01-15')).toBe(Date.UTC(2026, 0, 14, 22));
    expect(dayStart(UTC, '2026-01-15')).toBe(Date.UTC(2026, 0, 15));
  });

  it('a midnight the clocks skip starts the day at the change; one they repeat, at its first occurrence', () => {
    // Santiago: 6 September 2026 00:00 (−04) becomes 01:00 (−03); Havana: 1 November 01:00 (−04) goes back to 00:00 (−05).
    expect(dayStart(namedZone('America/Santiago'), '2026-09-06')).toBe(Date.UTC(2026, 8, 6, 4));
    expect(dayStart(namedZone('America/Havana'), '2026-11-01')).toBe(Date.UTC(2026, 10, 1, 4));
  });

  it('every instant lies in the day Intl gives it: dayStart(date) ≤ t < dayStart(next date)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2015, 0, 2), max: Date.UTC(2036, 0, 1) }), (name, t) => {
        const zone = namedZone(name);
        const date = localDate(name, t);
        expect(dayStart(zone, date)).toBeLessThanOrEqual(t);
        expect(dayStart(zone, nextDate(date))).toBeGreaterThan(t);
        expect(localDate(name, dayStart(zone, date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds each change of offset to the minute', () => {
    const paris = namedZone('Europe/Paris');
    const spans = offsetSpans(paris, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(spans.slice(1)).toEqual([
      { from: Date.UTC(2026, 2, 29, 1), offset: 2 * HOUR },
      { from: Date.UTC(2026, 9, 25, 1), offset: HOUR },
    ]);
    expect(spans[0]!.offset).toBe(HOUR);
    expect(offsetSpans(namedZone('Asia/Kolkata'), 0, Date.UTC(2030, 0, 1))).toHaveLength(1);
  });

  it('knows IANA names (any case) and nothing else', () => {
    expect(knownTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(knownTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', '', 'Europe/Paris\u0000', '../../etc/passwd', 'x'.repeat(100)]) expect(knownTimeZone(bad), bad).toBeNull();
    expect(() => namedZone('Mars/Olympus')).toThrow(RangeError);
  });
});
