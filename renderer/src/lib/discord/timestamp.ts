// Discord's <t:seconds:style> timestamps in the viewer's locale. Styles (docs/reference.mdx,
// "Timestamp Styles"): t short time, T long time, d short date, D long date, f (default) long date
// with short time, F weekday + long date + short time, R relative.
export const TIMESTAMP_STYLES = ['t', 'T', 'd', 'D', 'f', 'F', 'R'] as const;
export type TimestampStyle = (typeof TIMESTAMP_STYLES)[number];

const OPTIONS: Record<Exclude<TimestampStyle, 'R'>, Intl.DateTimeFormatOptions> = {
  t: { hour: 'numeric', minute: '2-digit' },
  T: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  d: { day: '2-digit', month: '2-digit', year: 'numeric' },
  D: { day: 'numeric', month: 'long', year: 'numeric' },
  f: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  F: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function isTimestampStyle(s: unknown): s is TimestampStyle {
  return typeof s === 'string' && (TIMESTAMP_STYLES as readonly string[]).includes(s);
}

/** The text Discord would show; `now` in ms for relative ones. Out-of-range dates give null (shown as written). */
export function formatDiscordTimestamp(seconds: number, style: TimestampStyle, locale: string, now: number): string | null {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  if (style !== 'R') return new Intl.DateTimeFormat(locale, OPTIONS[style]).format(ms);
  const diff = (ms - now) / 1000;
  const [unit, size] = UNITS.find(([, s]) => Math.abs(diff) >= s) ?? UNITS.at(-1)!;
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / size), unit);
}
