// The zone an export prints its times in: the one its days were chosen in (filter.timeZone: the
// panel's, or the CLI's --tz), so a reader in Paris who exports 1 March reads Paris times under Paris
// days. UTC when none was given (backups, older panels, the API without tz=). Instants a program reads
// (datetime=, JSON, CSV's timestamp) stay UTC whatever the zone.
import { shownTimeZone } from '../../../../shared/time-zone.js';
import { DISCORD_EPOCH_MS } from '../../messages/last-seen.js';
import { namedZone, offsetSpans, type Zone } from '../../messages/time-zone.js';
import type { ExportMeta } from './types.js';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

export interface ExportZone {
  /** The IANA name, as shown and for Intl's `timeZone`; 'UTC' when none was given. */
  readonly name: string;
  readonly utc: boolean;
  /** "+02:00": the offset at that instant. */
  offset(ms: number): string;
  /** The wall time there, "2026-03-29 03:30:00". */
  wall(ms: number): string;
  /** The local date there, "2026-03-29". */
  date(ms: number): string;
  /** ISO 8601 with the local offset, "2026-03-29T03:30:00.000+02:00": the same instant, read locally. */
  iso(ms: number): string;
  /**
   * "Europe/Paris (UTC+01:00/+02:00)": the name and every offset it has over the export's range (the
   * year before the export where the range is open, at most a year past the export); "UTC" alone.
   */
  label(meta: Pick<ExportMeta, 'exportedAt' | 'filter'>): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms) / 1000;
  const seconds = abs % 60;
  // Whole minutes everywhere since 1972 (Monrovia's −0:44:30 was the last); older ones keep their seconds.
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds ? `:${pad(seconds)}` : ''}`;
}

export function exportZone(timeZone: string | undefined): ExportZone {
  const name = (timeZone !== undefined && shownTimeZone(timeZone)) || 'UTC';
  const zone: Zone = namedZone(name);
  const utc = zone.fixed === 0;
  // A look-up costs ~3 µs (an Intl format), tripling a text export's time: one UTC day's offset is kept
  // when both its ends agree (no zone changes twice within a day, as instantOf assumes).
  let dayFrom = NaN;
  let dayOffset: number | null = null;
  const offsetAt = (ms: number): number => {
    const from = Math.floor(ms / DAY) * DAY;
    if (from !== dayFrom) {
      dayFrom = from;
      const first = zone.offsetAt(from);
      dayOffset = first === zone.offsetAt(from + DAY - 1) ? first : null;
    }
    return dayOffset ?? zone.offsetAt(ms);
  };
  // The wall time as an ISO string, "2026-03-29T03:30:00.000Z" with the Z meaning nothing.
  const local = (ms: number) => new Date(ms + offsetAt(ms)).toISOString();
  return {
    name,
    utc,
    offset: (ms) => offsetText(offsetAt(ms)),
    wall: (ms) => local(ms).slice(0, 19).replace('T', ' '),
    date: (ms) => local(ms).slice(0, 10),
    iso: (ms) => `${local(ms).slice(0, 23)}${offsetText(offsetAt(ms))}`,
    label: ({ exportedAt, filter }) => {
      if (utc) return 'UTC';
      // No message is newer than the export: a range open to 9999-12-31 asked the zone once a day for
      // eight millennia (seconds of a frozen event loop). A year past it still names a change to come.
      const to = Math.min(filter.before ?? exportedAt, exportedAt + YEAR);
      const from = Math.max(DISCORD_EPOCH_MS, Math.min(filter.after ?? to - YEAR, to));
      const offsets = [...new Set(offsetSpans(zone, from, to).map((s) => s.offset))].sort((a, b) => a - b);
      return `${name} (UTC${offsets.map(offsetText).join('/')})`;
    },
  };
}
