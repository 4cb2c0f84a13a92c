// The search box's language, Discord's: words, "quoted phrases" and filters from:, mentions:,
// has:link|embed|file|image, before:, after:, during: (dates YYYY-MM-DD). Shared so the panel
// highlights exactly the words the core searched for. Never throws: a bad filter becomes a problem.

export const HAS_VALUES = ['link', 'embed', 'file', 'image'] as const;
export type HasValue = (typeof HAS_VALUES)[number];
const FILTERS = ['from', 'mentions', 'has', 'before', 'after', 'during'] as const;
type Filter = (typeof FILTERS)[number];

/** A filter that was not understood or matched nobody: a code for the panel's sentence, English for logs. */
export interface SearchProblem {
  code: 'needsValue' | 'badHas' | 'badDate' | 'nobody';
  /** The filter as typed ("after:", "before:hier") or the value ("gif", a name). */
  value: string;
  message: string;
}

export interface SearchQuery {
  words: string[];
  phrases: string[];
  from: string[];
  mentions: string[];
  has: HasValue[];
  /** Dates as written (YYYY-MM-DD); turned into instants in the viewer's time zone by the caller. */
  before: string | null;
  after: string | null;
  during: string | null;
  /** Filters that were not understood (shown under the search box). */
  problems: SearchProblem[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date? (2026-02-30 is not.) */
export function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  // setUTCFullYear: Date.UTC reads years 0-99 as 1900-1999 (0050-01-01 was "not a date").
  const d = new Date(new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Splits on spaces, keeping "quoted text" (and key:"quoted value") together; an unclosed quote runs to the end. */
function tokens(input: string): Array<{ key: string | null; value: string; quoted: boolean }> {
  const out: Array<{ key: string | null; value: string; quoted: boolean }> = [];
  const re = /(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const quoted = m[2] !== undefined;
    out.push({ key: m[1]?.toLowerCase() ?? null, value: (quoted ? m[2] : m[3]) ?? '', quoted });
  }
  return out;
}

const isFilter = (key: string | null): key is Filter => key !== null && (FILTERS as readonly string[]).includes(key);

/** Control characters (NUL, tabs, line breaks pasted with a log line) separate words, as spaces do. */
const CONTROL = /\p{Cc}/gu;

export function parseSearch(input: string): SearchQuery {
  const q: SearchQuery = { words: [], phrases: [], from: [], mentions: [], has: [], before: null, after: null, during: null, problems: [] };
  // A NUL reached SQLite inside an FTS5 phrase, which ends there: "unterminated string", an internal error.
  for (const t of tokens(input.replace(CONTROL, ' '))) {
    const bare = t.key === null && !t.quoted ? /^([A-Za-z]+):$/.exec(t.value)?.[1]?.toLowerCase() : undefined;
    if (bare !== undefined && isFilter(bare)) {
      q.problems.push({ code: 'needsValue', value: `${bare}:`, message: `${bare}: needs a value` });
      continue;
    }
    if (!isFilter(t.key)) {
      // "http://x" or "re:thing" are words, not filters.
      const text = (t.key === null ? '' : `${t.key}:`) + t.value;
      const clean = text.trim();
      if (!clean) continue;
      if (t.quoted && t.key === null) q.phrases.push(clean);
      else q.words.push(clean);
      continue;
    }
    const value = t.value.trim();
    if (!value) {
      q.problems.push({ code: 'needsValue', value: `${t.key}:`, message: `${t.key}: needs a value` });
      continue;
    }
    switch (t.key) {
      case 'from':
      case 'mentions':
        // A mention pasted from Discord (<@123> or <@!123>) means its id.
        q[t.key].push(/^<@!?(\d+)>$/.exec(value)?.[1] ?? value);
        break;
      case 'has': {
        const v = value.toLowerCase();
        if ((HAS_VALUES as readonly string[]).includes(v)) {
          if (!q.has.includes(v as HasValue)) q.has.push(v as HasValue);
        } else q.problems.push({ code: 'badHas', value, message: `has:${value} is not a filter — use has:link, has:embed, has:file or has:image` });
        break;
      }
      default:
        if (validDate(value)) q[t.key] = value;
        else q.problems.push({ code: 'badDate', value: `${t.key}:${value}`, message: `${t.key}:${value} is not a date — write it as YYYY-MM-DD` });
    }
  }
  return q;
}

/** Writes a query back as text (parseSearch(formatSearch(q)) gives q back, problems aside). */
export function formatSearch(q: Omit<SearchQuery, 'problems'>): string {
  const quote = (v: string) => (/[\s"]/.test(v) || v === '' ? `"${v.replace(/"/g, '')}"` : v);
  return [
    ...q.words,
    ...q.phrases.map((p) => `"${p}"`),
    ...q.from.map((v) => `from:${quote(v)}`),
    ...q.mentions.map((v) => `mentions:${quote(v)}`),
    ...q.has.map((v) => `has:${v}`),
    ...(['before', 'after', 'during'] as const).flatMap((k) => (q[k] ? [`${k}:${q[k]}`] : [])),
  ].join(' ');
}

/** True when there is nothing to search for. */
export const emptySearch = (q: SearchQuery): boolean =>
  !q.words.length && !q.phrases.length && !q.from.length && !q.mentions.length && !q.has.length && !q.before && !q.after && !q.during;
