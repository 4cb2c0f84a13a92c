// The search language (shared/search-query.ts) as SQL over the store: one implementation for the
// panel's search and for exports "filtered like search", so both keep exactly the same messages (the
// export had its own matcher: accents not ignored, "deploy" found in "redeployed", exact names only).
// Words, authors and has: go to the FTS5 index, whose rowid is the snowflake; dates become id bounds.
import type Database from 'better-sqlite3';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { parseSearch, type SearchProblem, type SearchQuery } from '../../../shared/search-query.js';
import { emojiWords } from './emoji-words.js';
import { textSql } from './history-schema.js';
import { DISCORD_EPOCH_MS, snowflakeAt } from './last-seen.js';
import { authorIdsNamed } from './search-authors.js';
import { foldedWords, foldText, isPunctuated, PHRASE_WORDS, phraseStart, termWords, type TextTerms } from './search-words.js';
import { dayStart, nextDate, type Zone } from './time-zone.js';

export interface SearchPlan {
  /** The words and phrases searched for, as typed (the panel marks them in results). */
  terms: string[];
  problems: SearchProblem[];
  /** Snowflake bounds from before:, after:, during: — low included, high excluded. */
  low: bigint;
  high: bigint;
  /** False when nothing can match: a filter not understood, a name nobody has, an empty period. */
  possible: boolean;
  /** The FTS5 expression; '' when only dates and conditions on the rows select. */
  match: string;
  /** `match` without the emoji words, for rows indexed before they existed (search-rows.ts). */
  bare: string;
  /** Conditions on the messages row `m` beyond the index, with their arguments in order. */
  where: string[];
  args: string[];
}

const MIN_ID = 0n;
const MAX_ID = 9223372036854775807n;

const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
/** A term with a letter or digit has FTS tokens; one without (🎉, :), ???) has none and is matched as typed. */
const hasToken = (text: string) => /[\p{L}\p{N}]/u.test(text);
const anyOf = (column: string, values: string[]) => `${column} : (${values.map(ftsPhrase).join(' OR ')})`;
/**
 * SQL conditions joined as a balanced tree: SQLite refuses an expression deeper than 1,000, which one
 * chain reached with ~500 emoji terms or a mentions: standing for a few hundred authors.
 */
export function joined(op: 'AND' | 'OR', conditions: string[]): string {
  if (conditions.length <= 1) return `(${conditions[0] ?? (op === 'AND' ? '1' : '0')})`;
  const mid = conditions.length >> 1;
  return `(${joined(op, conditions.slice(0, mid))} ${op} ${joined(op, conditions.slice(mid))})`;
}
/** The text a row is found by (content and layout components' text), for `m`. */
const ROW_TEXT = textSql('m.json');

/** `text` parsed and resolved against the store's authors, dates as days in `zone`. */
export function planSearch(db: Database.Database, text: string, zone: Zone): SearchPlan {
  const q = parseSearch(text);
  const terms = [...new Set([...q.words, ...q.phrases])];
  const problems = [...q.problems];
  const [low, high] = dateBounds(q, zone);
  const plan: SearchPlan = { terms, problems, low, high, possible: false, match: '', bare: '', where: [], args: [] };
  // A filter that could not be read (has:video, after:2026-13-45) is not dropped: without it the search
  // listed unfiltered messages as if they matched. The problem alone is answered.
  if (problems.length || low >= high) return plan;
  const fromIds = resolveAll(db, q.from, problems);
  const mentionIds = resolveAll(db, q.mentions, problems);
  if ((q.from.length && !fromIds.length) || (q.mentions.length && !mentionIds.length)) return plan;
  // Everything but dates is an FTS5 match: words in content, author ids, "has" words, and a mention's
  // id (a token of "<@id>") narrowed to real mentions below.
  const punctuated = terms.filter(isPunctuated);
  const phrases = terms.filter((t) => hasToken(t) && !isPunctuated(t));
  // A phrase longer than the index takes at once: its start there, the whole checked in the text.
  const long = phrases.filter((t) => foldedWords(t).length > PHRASE_WORDS);
  // Emoji have no token of their own: their codepoints' words (emoji-words.ts) narrow, the text decides.
  const exact = terms.filter((t) => !hasToken(t));
  const emoji = [...new Set(exact.flatMap(emojiWords))];
  plan.bare = [
    ...new Set([
      ...phrases.map((t) => `content : ${ftsPhrase(long.includes(t) ? phraseStart(t) : t)}`),
      ...punctuated.flatMap(termWords).map((w) => `content : ${ftsPhrase(w)}`),
    ]),
    ...(fromIds.length ? [anyOf('author', fromIds)] : []),
    ...(mentionIds.length ? [anyOf('content', mentionIds)] : []),
    ...q.has.map((h) => `has : ${h}`),
  ].join(' AND ');
  plan.match = [plan.bare, ...emoji.map((w) => `has : ${w}`)].filter(Boolean).join(' AND ');
  if (mentionIds.length) {
    plan.where.push(joined('OR', mentionIds.map(() => "instr(m.json, '<@' || ? || '>') > 0 OR instr(m.json, '<@!' || ? || '>') > 0")));
    plan.args.push(...mentionIds.flatMap((id) => [id, id]));
  }
  // Emoji and punctuation as typed, in the text: the row's JSON first (cheap, and it holds the term
  // whenever the text does, as JSON escapes it), then the text itself, with the words with punctuation
  // (among the rows holding their letters), in one call (search-words.ts).
  for (const term of exact) {
    plan.where.push('instr(m.json, ?) > 0');
    plan.args.push(JSON.stringify(term).slice(1, -1));
  }
  if (exact.length || punctuated.length || long.length) {
    plan.where.push(`search_has(${ROW_TEXT}, ?)`);
    plan.args.push(JSON.stringify({ exact, folded: punctuated.map(foldText), sequences: long.map((t) => foldedWords(t).join(' ')) } satisfies TextTerms));
  }
  plan.possible = true;
  return plan;
}

/** [lowest id included, highest id excluded] from after:, before:, during: (Discord's: after the day, before it, within it). */
function dateBounds(q: SearchQuery, zone: Zone): [bigint, bigint] {
  let low = MIN_ID;
  let high = MAX_ID;
  const at = (date: string) => BigInt(snowflakeAt(Math.max(DISCORD_EPOCH_MS, dayStart(zone, date))));
  if (q.after) low = at(nextDate(q.after));
  if (q.during) {
    const s = at(q.during);
    const e = at(nextDate(q.during));
    if (s > low) low = s;
    if (e < high) high = e;
  }
  if (q.before) {
    const b = at(q.before);
    if (b < high) high = b;
  }
  return [low, high];
}

/** A problem as a sentence in the reader's language (the panel says the search box's own by code). */
export function problemSentence(p: SearchProblem): CoreSentence {
  const value = { value: p.value };
  switch (p.code) {
    case 'needsValue':
      return coreText('search.problem.needsValue', value);
    case 'badHas':
      return coreText('search.problem.badHas', value);
    case 'badDate':
      return coreText('search.problem.badDate', value);
    case 'nobody':
      return coreText('search.problem.nobody', value);
  }
}

function resolveAll(db: Database.Database, names: string[], problems: SearchProblem[]): string[] {
  const ids = new Set<string>();
  // Each name once: a thousand from:user each read every author (a second).
  for (const name of new Set(names)) {
    const found = authorIdsNamed(db, name);
    if (!found.length) problems.push({ code: 'nobody', value: name, message: `Nobody named “${name}” has posted in this channel.` });
    for (const id of found) ids.add(id);
  }
  return [...ids];
}
