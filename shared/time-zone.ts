// Time-zone names (IANA: Europe/Paris, Asia/Kolkata) as the panel sends them with a search, statistics
// or an export: dates are days in that zone, with each date's own offset (one offset for every date put
// evening messages on the wrong day across a daylight-saving change).

/** The zone's canonical name (Intl's spelling), or null when this runtime does not know it. */
export function knownTimeZone(name: string): string | null {
  if (!/^[A-Za-z0-9_/+-]{1,64}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
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
