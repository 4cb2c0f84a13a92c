// Time-zone names (IANA: Europe/Paris, Asia/Kolkata) as the panel sends them with a search, statistics
// or an export: dates are days in that zone, with each date's own offset (one offset for every date put
// evening messages on the wrong day across a daylight-saving change).

/** What a zone name is made of (Intl's names and their other spellings: Etc/GMT+5, America/Port-au-Prince). */
export const ZONE_SHAPE = /^[A-Za-z0-9_/+-]{1,64}$/;

// Names already checked, with their canonical spelling: building a formatter to ask costs ~0.1 ms a search.
const known = new Map<string, string>();

/** The zone's canonical name (Intl's spelling), or null when this runtime does not know it. */
export function knownTimeZone(name: string): string | null {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  if (!ZONE_SHAPE.test(name)) return null;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Bounded by the names a runtime knows (about 600, with their other spellings).
    if (known.size < 4096) known.set(name, canonical);
    return canonical;
  } catch {
    return null;
  }
}

/**
 * The zone's name to print, null when unknown: Intl's spelling (europe/paris → Europe/Paris), except where
 * Intl resolves a link to an older name (Asia/Kolkata, which Node's ICU calls Asia/Calcutta): as written.
 */
export function shownTimeZone(name: string): string | null {
  const canonical = knownTimeZone(name);
  if (canonical === null) return null;
  return canonical.toLowerCase() === name.toLowerCase() ? canonical : name;
}

/** This machine's (or this page's) zone; UTC where the runtime cannot tell. */
export function localTimeZone(): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return name && knownTimeZone(name) ? name : 'UTC';
}

/** What the panel sends for its zone: the name, or where the runtime cannot name it, today's offset as before. */
export function viewerZone(): { timeZone: string } | { tzOffsetMinutes: number } {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return name && knownTimeZone(name) ? { timeZone: name } : { tzOffsetMinutes: new Date().getTimezoneOffset() };
}

/**
 * The zone the panel's date fields are days in and that it names with them (export range, its query's
 * dates, the file's times). Where the browser cannot name its own zone, UTC: the page's clock then has no
 * name the core could use, so the fields are UTC days too and the panel says so beside them.
 */
export interface FieldZone {
  timeZone: string;
  /** False when UTC stands in for a zone the browser did not name. */
  named: boolean;
}

export const fieldZone = (): FieldZone => fieldZoneOf(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The field zone of a page whose Intl calls its own zone `pageZone` (it must be the page's clock: its Date's local time). */
export function fieldZoneOf(pageZone: string | undefined): FieldZone {
  return pageZone && knownTimeZone(pageZone) ? { timeZone: pageZone, named: true } : { timeZone: 'UTC', named: false };
}

/** Where a date field's day ("2026-01-15") begins in `zone`, epoch ms: the page's own midnight, or UTC's; undefined when empty. */
export function fieldDayStart(value: string, zone: FieldZone): number | undefined {
  if (!value) return undefined;
  const ms = new Date(`${value}T00:00:00${zone.named ? '' : 'Z'}`).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
