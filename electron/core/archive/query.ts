// What an export selects: a date range, optionally authors and a search text (run by the search
// itself, reader.ts), with the zone its dates are days in.
import type { z } from 'zod';
import { archiveFilter } from '../../../shared/archive-schemas.js';
import type { ChatMessage } from '../../../shared/types.js';
import { DISCORD_EPOCH_MS } from '../messages/last-seen.js';
import { instantOf, UTC, type Zone } from '../messages/time-zone.js';

export { archiveFilter };
export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/archive.js';

const DISCORD_EPOCH = BigInt(DISCORD_EPOCH_MS);

/** The smallest snowflake minted at `epochMs`: ids compare like times (zero-padded keys in the store). */
export function snowflakeAt(epochMs: number): string {
  const ms = BigInt(Math.max(0, Math.floor(epochMs))) - DISCORD_EPOCH;
  return (ms > 0n ? ms << 22n : 0n).toString();
}


export type ArchiveFilter = z.output<typeof archiveFilter>;

export interface ArchiveQuery extends ArchiveFilter {
  channelId: string;
}

/** Checks what the key range and the search cannot: authors chosen by id, deletion. */
export function matches(m: ChatMessage, q: ArchiveQuery): boolean {
  if (q.includeDeleted === false && m.deleted) return false;
  return !q.authorIds?.length || q.authorIds.includes(m.author.id);
}

/**
 * "2026-01-01" or an ISO date-time → epoch ms: a bare date is where that day begins in `zone`, a time
 * without an offset is a wall time there; null when it is not a date.
 */
export function parseDate(text: string, zone: Zone = UTC): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([0-9:.]+)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return null;
  const [, date, time, offset] = m as unknown as [string, string, string | undefined, string | undefined];
  const iso = `${date}T${time ?? '00:00:00'}`;
  const ms = offset === undefined ? Date.parse(`${iso}Z`) : Date.parse(`${iso}${offset}`);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls an impossible day over (2026-02-30 is 2 March): the day written must be a day.
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return offset === undefined ? instantOf(zone, ms) : ms;
}
