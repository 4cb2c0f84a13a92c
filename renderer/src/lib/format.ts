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

/** Time of day for today's messages, date and time for older ones. */
export function formatMessageTime(epochMs: number, locale: string, now = Date.now()): string {
  const date = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatFullDate(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(epochMs));
}
