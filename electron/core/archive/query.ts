// What an export selects: a date range and, optionally, authors. One function decides whether a
// message matches, so switching to the search filter parser later changes this file only.
import type { z } from 'zod';
import { archiveFilter } from '../../../shared/archive-schemas.js';
import type { ChatMessage } from '../../../shared/types.js';

export { archiveFilter };
export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/archive.js';

const DISCORD_EPOCH = 1420070400000n;

/** The smallest snowflake minted at `epochMs`: ids compare like times (zero-padded keys in the store). */
export function snowflakeAt(epochMs: number): string {
  const ms = BigInt(Math.max(0, Math.floor(epochMs))) - DISCORD_EPOCH;
  return (ms > 0n ? ms << 22n : 0n).toString();
}

/** Epoch ms encoded in a snowflake. */
export const snowflakeTime = (id: string): number => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);

export type ArchiveFilter = z.output<typeof archiveFilter>;

export interface ArchiveQuery extends ArchiveFilter {
  channelId: string;
}

/** Checks what the key range cannot: authors, deletion and the search words and filters. */
export function matches(m: ChatMessage, q: ArchiveQuery, search?: (m: ChatMessage) => boolean): boolean {
  if (q.includeDeleted === false && m.deleted) return false;
  if (q.authorIds?.length && !q.authorIds.includes(m.author.id)) return false;
  return search ? search(m) : true;
}

/** "2026-01-01" or an ISO date-time → epoch ms (UTC for a bare date); null when it is not a date. */
export function parseDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls an impossible day over (2026-02-30 is 2 March): the day written must be a day.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? ms : null;
}
