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

/** What a row's text must hold: `exact` as typed (emoji, punctuation), `folded` (foldText of punctuated words) folded. */
export interface TextTerms {
  exact: string[];
  folded: string[];
}

export function holdsTerms(text: string, terms: TextTerms): boolean {
  if (!terms.exact.every((t) => text.includes(t))) return false;
  if (!terms.folded.length) return true;
  const hay = foldText(text);
  return terms.folded.every((t) => containsTerm(hay, t));
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
