// Sentences the core shows the user travel as a key + parameters beside their English text, so the
// panel can say them in its own language. One formatter serves both sides: the core's English (log
// file, stdout, fallback) and the panel's rendering are the same code, so they cannot drift apart.
import { coreEn } from './core-text-en.js';

export { coreEn };

/** A plural entry: `one`/`other` chosen by the `count` parameter with the locale's plural rules. */
export interface PluralEntry {
  one: string;
  other: string;
}
export type CoreEntry = string | PluralEntry;
export type CoreCatalogue = typeof coreEn;
export type CoreKey = keyof CoreCatalogue;

/** What crosses the wire: loose on purpose (an older or newer panel may not know a key). */
export interface I18nText {
  key: string;
  /** A parameter may itself be a sentence (an error inside a status), said in the same language. */
  params: Record<string, CoreParam>;
}
export type CoreParam = string | number | I18nText;

// `{{name}}` or `{{name, format}}` placeholders, found at compile time so a missing parameter fails tsc.
type Names<S> = S extends `${string}{{${infer P}}}${infer Rest}` ? (P extends `${infer N}, ${string}` ? N : P) | Names<Rest> : never;
type EntryNames<E> = E extends PluralEntry ? Names<E['one']> | Names<E['other']> | 'count' : Names<E>;
export type CoreParams<K extends CoreKey> = { [P in EntryNames<CoreCatalogue[K]>]: P extends 'count' ? number : CoreParam };

/** A catalogue in another language: the same keys, the same shapes (checked by type and by test). */
export type CoreTranslation = { [K in CoreKey]: CoreCatalogue[K] extends PluralEntry ? PluralEntry : string };

export interface CoreSentence {
  /** English, for the log file, stdout and any panel that does not know the key. */
  text: string;
  i18n: I18nText;
}

/** A sentence by key: its English text and what the panel needs to say it in another language. */
export function coreText<K extends CoreKey>(key: K, ...rest: keyof CoreParams<K> extends never ? [] : [CoreParams<K>]): CoreSentence {
  const i18n: I18nText = { key, params: (rest[0] ?? {}) as Record<string, CoreParam> };
  return { text: renderText(i18n, coreEn, ENGLISH) ?? key, i18n };
}

export interface FormatOptions {
  locale: string;
  /** Dates in this zone (the core says UTC: its reader may be anywhere). */
  timeZone?: string;
}
const ENGLISH: FormatOptions = { locale: 'en-US', timeZone: 'UTC' };

/**
 * The sentence in the catalogue's language: numbers and dates in the locale, plural chosen by `count`,
 * nested sentences rendered alike. Null when the catalogue lacks a key (the caller shows the English).
 */
export function renderText(text: I18nText, catalogue: Readonly<Record<string, CoreEntry>>, options: FormatOptions): string | null {
  if (!Object.hasOwn(catalogue, text.key)) return null;
  const entry = catalogue[text.key] as CoreEntry;
  const { params } = text;
  const template = typeof entry === 'string' ? entry : pluralOf(entry, params.count, options.locale);
  let missing = false;
  const out = template.replace(/\{\{(\w+)(?:, (\w+))?\}\}/g, (whole, name: string, format?: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name] as CoreParam;
    if (typeof value === 'object') {
      const nested = renderText(value, catalogue, options);
      if (nested === null) missing = true;
      return nested ?? '';
    }
    return formatValue(value, format, options);
  });
  return missing ? null : out;
}

function pluralOf(entry: PluralEntry, count: unknown, locale: string): string {
  if (typeof count !== 'number') return entry.other;
  // English whole numbers: "one" for ±1 only (CLDR: i = 1 and v = 0); no ICU needed, see englishInteger.
  if (locale === 'en-US' && Number.isInteger(count)) return Math.abs(count) === 1 ? entry.one : entry.other;
  return new Intl.PluralRules(locale).select(count) === 'one' ? entry.one : entry.other;
}

/**
 * A whole number as Intl en-US writes it ("1,234"), or null to ask Intl. The core's English (log file,
 * stdout) mostly says small counts; the first Intl formatter of a process maps ICU data in, ≈9 MiB of
 * an idle app's RSS (bench/idle-memory). Equal to Intl's output: property test in core-text-icu.
 */
function englishInteger(value: number, locale: string): string | null {
  if (locale !== 'en-US' || !Number.isSafeInteger(value) || Object.is(value, -0)) return null;
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatValue(value: string | number, format: string | undefined, options: FormatOptions): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  // Past ±8.64e15 ms a Date is invalid and Intl throws: say the number rather than fail the sentence.
  if (format === 'datetime' && Math.abs(value) <= 8.64e15) {
    const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
    return new Intl.DateTimeFormat(options.locale, { ...fields, timeZone: options.timeZone }).format(value);
  }
  if (format === 'duration') return formatDuration(value, options.locale);
  return englishInteger(value, options.locale) ?? new Intl.NumberFormat(options.locale, { maximumFractionDigits: 1 }).format(value);
}

/** "3 h 20 min", "12 min", "40 s": the same units in English and French. */
export function formatDuration(ms: number, locale = 'en-US'): string {
  let intl: Intl.NumberFormat | null = null;
  const n = { format: (x: number) => englishInteger(x, locale) ?? (intl ??= new Intl.NumberFormat(locale)).format(x) };
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${n.format(s)} s`;
  const min = Math.round(s / 60);
  return min < 60 ? `${n.format(min)} min` : `${n.format(Math.floor(min / 60))} h ${n.format(min % 60)} min`;
}

/** The placeholder names of an entry (both plural forms), for the catalogue test. */
export function placeholders(entry: CoreEntry): string[] {
  const text = typeof entry === 'string' ? entry : `${entry.one} ${entry.other}`;
  return [...new Set([...text.matchAll(/\{\{(\w+)(?:, \w+)?\}\}/g)].map((m) => m[1] as string))].sort();
}
