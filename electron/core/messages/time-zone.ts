// Days and hours in the reader's time zone, each date with its own offset (Intl's zone data; SQLite
// knows only UTC and fixed offsets). Used for search dates, statistics and export ranges.
import { knownTimeZone } from '../../../shared/time-zone.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Zone {
  /** Milliseconds to add to a UTC instant for the local wall time there (Paris in July: +7,200,000). */
  offsetAt(utcMs: number): number;
  /** Set when the offset never changes (UTC, or a panel that sent only getTimezoneOffset()). */
  readonly fixed?: number;
}

export const UTC: Zone = { offsetAt: () => 0, fixed: 0 };

/** A zone of one offset: `getTimezoneOffset()` as older panels send it (minutes, positive west of UTC). */
export function offsetZone(tzOffsetMinutes: number): Zone {
  const fixed = -tzOffsetMinutes * MINUTE;
  return { offsetAt: () => fixed, fixed };
}

const GMT = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;
const zones = new Map<string, Zone>();

/** The named zone (IANA); throws a RangeError for a name the runtime does not know. */
export function namedZone(name: string): Zone {
  const canonical = knownTimeZone(name);
  if (canonical === null) throw new RangeError(`Unknown time zone "${name}"`);
  const cached = zones.get(canonical);
  if (cached) return cached;
  if (canonical === 'UTC' || canonical === 'Etc/UTC') return UTC;
  // "GMT+05:30" is the one field read; format() costs a third of formatToParts().
  const format = new Intl.DateTimeFormat('en-US', { timeZone: canonical, timeZoneName: 'longOffset' });
  const zone: Zone = {
    offsetAt(utcMs) {
      const m = GMT.exec(format.format(utcMs));
      if (!m?.[1]) return 0;
      const ms = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * MINUTE + Number(m[4] ?? 0) * 1000;
      return m[1] === '-' ? -ms : ms;
    },
  };
  zones.set(canonical, zone);
  return zone;
}

/** The zone a request names: its IANA name, else its fixed offset, else UTC. */
export function requestZone(req: { timeZone?: string | undefined; tzOffsetMinutes?: number | undefined }): Zone {
  if (req.timeZone !== undefined) return namedZone(req.timeZone);
  return req.tzOffsetMinutes === undefined ? UTC : offsetZone(req.tzOffsetMinutes);
}

/** "2026-01-15" → the UTC midnight of that calendar date (its wall time), ms. setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999. */
const wallOfDate = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(0).setUTCFullYear(y, m - 1, d);
};

/** The date after `date` (YYYY-MM-DD; after 9999-12-31 comes 10000-01-01, not toISOString's "+010000-01-01"). */
export const nextDate = (date: string): string => {
  const next = new Date(wallOfDate(date) + DAY);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(next.getUTCFullYear()).padStart(4, '0')}-${two(next.getUTCMonth() + 1)}-${two(next.getUTCDate())}`;
};

/**
 * The first instant of a local wall time (ms since the epoch as if it were UTC). A wall time that
 * occurs twice (clocks turned back) is its first occurrence; one skipped by clocks turned forward is
 * the instant of the change, where the local clock first passes it.
 */
export function instantOf(zone: Zone, wallMs: number): number {
  if (zone.fixed !== undefined) return wallMs - zone.fixed;
  // The offsets on either side of that wall time (a day apart: no zone changes twice within one).
  const offsets = new Set([zone.offsetAt(wallMs - DAY), zone.offsetAt(wallMs + DAY), zone.offsetAt(wallMs)]);
  const exact = [...offsets].map((o) => wallMs - o).filter((t) => t + zone.offsetAt(t) === wallMs);
  if (exact.length) return Math.min(...exact);
  // In a gap: the change lies between the candidates; the first instant whose local time passed it.
  let lo = wallMs - Math.max(...offsets);
  let hi = wallMs - Math.min(...offsets);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid + zone.offsetAt(mid) >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Where a local day (YYYY-MM-DD) begins, epoch ms. */
export const dayStart = (zone: Zone, date: string): number => instantOf(zone, wallOfDate(date));

/** One stretch of time with one offset: from `from` (epoch ms, included) to the next span's start. */
export interface OffsetSpan {
  from: number;
  offset: number;
}

/**
 * The offsets of [from, to] and where each begins, to the minute: the zone is asked once a day and,
 * where two days differ, a few times more to find the change (about 400 look-ups for a year).
 */
export function offsetSpans(zone: Zone, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from: -Infinity, offset: zone.offsetAt(from) }];
  if (zone.fixed !== undefined) return spans;
  let at = from;
  let offset = spans[0]!.offset;
  while (at < to) {
    const next = Math.min(at + DAY, to);
    const there = zone.offsetAt(next);
    if (there !== offset) {
      // The first whole minute in (at, next] with the new offset (changes fall on whole minutes).
      let lo = Math.floor(at / MINUTE);
      let hi = Math.ceil(next / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offsetAt(mid * MINUTE) === offset) lo = mid;
        else hi = mid;
      }
      spans.push({ from: hi * MINUTE, offset: there });
      offset = there;
    }
    at = next;
  }
  return spans;
}
