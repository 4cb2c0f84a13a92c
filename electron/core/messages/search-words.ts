// Search terms that mix letters and punctuation (c++, node.js, #general, e-mail): the index keeps only
// their letters, so "c++" found every "c". They are matched as typed by a SQL function over the rows the
// index narrows to, ignoring what the index ignores (case, accents) and how a keyboard spells an apostrophe.
import type Database from 'better-sqlite3';
import { foldName } from './search-authors.js';

const WORD = /[\p{L}\p{N}]/u;

/** A term with a token (a letter or digit) and something the index drops besides spaces. */
export const isPunctuated = (term: string): boolean => WORD.test(term) && /[^\p{L}\p{N}\p{M}\s]/u.test(term);

/** Lower case without accents, ’ and ʼ as ', runs of spaces as one: how text and term are compared. */
export const foldText = (text: string): string =>
  foldName(text)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/gu, ' ');

/**
 * The index's part of a punctuated term: its letter runs, each once ("a.a.a…" once "a": a phrase of
 * thousands of one word took seconds). A run holds whole tokens wherever the term stands at word edges.
 */
export const termWords = (term: string): string[] => [...new Set(term.split(/[^\p{L}\p{N}\p{M}\p{Co}]+/u).filter((w) => WORD.test(w)))];

const codePointBefore = (text: string, at: number): string => {
  const low = text.charCodeAt(at - 1);
  const wide = at >= 2 && low >= 0xdc00 && low <= 0xdfff;
  return text.slice(wide ? at - 2 : at - 1, at);
};
const codePointAt = (text: string, at: number): string => String.fromCodePoint(text.codePointAt(at) ?? 32);

/** `folded` (a foldText) in `hay` (folded too), where a letter at its start or end is a word's start or end ("c++" is not in "abc++"). */
export function containsTerm(hay: string, folded: string): boolean {
  if (!folded) return false;
  const edgeStart = WORD.test(codePointAt(folded, 0));
  const edgeEnd = WORD.test(codePointBefore(folded, folded.length));
  for (let at = hay.indexOf(folded); at !== -1; at = hay.indexOf(folded, at + 1)) {
    const end = at + folded.length;
    if (edgeStart && at > 0 && WORD.test(codePointBefore(hay, at))) continue;
    if (edgeEnd && end < hay.length && WORD.test(codePointAt(hay, end))) continue;
    return true;
  }
  return false;
}

/** A text's words, folded, as the index reads them (runs of letters and digits). */
export const foldedWords = (text: string): string[] => foldName(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Words the index takes a phrase of at once: FTS5 walks each word's list of rows once per place in the
 * phrase, so 5,000 times "c" took 2.7 s over 1,400 rows. Beyond it the rest is checked in the text.
 */
export const PHRASE_WORDS = 32;

/** The index's phrase for a long one: its first PHRASE_WORDS words as typed (the index folds them itself). */
export const phraseStart = (term: string): string =>
  term
    .split(/[^\p{L}\p{N}\p{M}\p{Co}]+/u)
    .filter((w) => WORD.test(w))
    .slice(0, PHRASE_WORDS)
    .join(' ');

/**
 * What a row's text must hold: `exact` as typed (emoji, punctuation), `folded` (foldText of punctuated
 * words) folded, `sequences` (foldedWords of long phrases, joined by a space) as consecutive words.
 */
export interface TextTerms {
  exact: string[];
  folded: string[];
  sequences: string[];
}

export function holdsTerms(text: string, terms: TextTerms): boolean {
  if (!terms.exact.every((t) => text.includes(t))) return false;
  if (terms.folded.length) {
    const hay = foldText(text);
    if (!terms.folded.every((t) => containsTerm(hay, t))) return false;
  }
  if (terms.sequences.length) {
    const words = ` ${foldedWords(text).join(' ')} `;
    if (!terms.sequences.every((s) => words.includes(` ${s} `))) return false;
  }
  return true;
}

const ready = new WeakSet<Database.Database>();

/**
 * Registers search_has(text, termsJson) on a connection (the store's or an export's own), once. One call
 * for every term: the row's text (a json_tree over its components) is then built once, not once a term.
 */
export function withSearchFunctions(db: Database.Database): void {
  if (ready.has(db)) return;
  let last: { json: string; terms: TextTerms } | null = null;
  db.function('search_has', { deterministic: true }, (text: unknown, json: unknown) => {
    if (typeof text !== 'string' || typeof json !== 'string') return 0;
    if (last?.json !== json) last = { json, terms: JSON.parse(json) as TextTerms };
    return holdsTerms(text, last.terms) ? 1 : 0;
  });
  ready.add(db);
}
