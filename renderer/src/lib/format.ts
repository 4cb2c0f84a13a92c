// Human formatting of durations, sizes and times, in the panel's language.
import type { TFunction } from 'i18next';

/** "42 s", "3 min", "5 h", "2 days": the largest whole unit, which is all a status line needs. */
export function formatDuration(ms: number, t: TFunction): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('duration.hours', { count: hours });
  return t('duration.days', { count: Math.floor(hours / 24) });
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "512 B", "1.5 MB" (or "1,5 Mo" in French). Discord counts in powers of 1024. */
export function formatSize(bytes: number, t: TFunction, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${t(`size.${UNITS[unit]!}`)}`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (~0.3 ms): every message
// row formats two dates, so scrolling a long history spent most of its frames here. One per style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Time of day for today's messages, date and time for older ones. */
export function formatMessageTime(epochMs: number, locale: string, now = Date.now()): string {
  const date = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return dateFormat(locale, options).format(date);
}

export function formatFullDate(epochMs: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(epochMs));
}

/**
 * A measured duration, to the tenth of a second when short: "4.2 s", "12 s", "1 min 30 s"
 * (French: "4,2 s"). `precise: false` drops the tenths (ticking counters, estimates).
 */
export function formatSeconds(ms: number, t: TFunction, locale: string, { precise = true } = {}): string {
  const seconds = Math.max(0, ms) / 1000;
  // Tenths only below 10 s, where they say something ("0.4 s" vs "4.2 s").
  if (precise && Math.round(seconds * 10) < 100) {
    const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(seconds * 10) / 10);
    return t('durationPrecise.seconds', { value });
  }
  const whole = Math.round(seconds);
  if (whole < 60) return t('durationPrecise.seconds', { value: String(whole) });
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? t('durationPrecise.minutes', { minutes }) : t('durationPrecise.minutesSeconds', { minutes, seconds: rest });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "2 days ago", "yesterday", "il y a 3 heures": for commit dates. */
export function formatRelative(epochMs: number, locale: string, now = Date.now()): string {
  const diff = epochMs - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}
