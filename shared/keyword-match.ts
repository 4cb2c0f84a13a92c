// Highlight keywords matched as Discord's keyword notifications do: case-insensitive, whole words
// only ("cat" is not found in "concatenate"), each keyword taken literally (no pattern syntax).
// Pure: the panel and the HTML export both mark them with it.
import { systemKey } from './system-messages.js';

/** Letters, digits (any script), combining marks and "_": a keyword must not touch one on either side. */
const WORD = '[\\p{L}\\p{N}\\p{M}_]';
// Only syntax characters: with the u flag, escaping anything else (such as "-") is itself an error.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export type KeywordPart = string | { keyword: string };

export interface KeywordMatcher {
  /** Whether the text holds one of the keywords as a whole word. */
  test(text: string): boolean;
  /** The text cut into plain runs and the keywords found (joined back, they are the text). */
  split(text: string): KeywordPart[];
}

/** Null when there is nothing to look for (no keyword, or only blank ones). */
export function keywordMatcher(keywords: readonly string[]): KeywordMatcher | null {
  const usable = [...new Set(keywords.map((k) => k.trim()).filter((k) => k !== ''))];
  if (!usable.length) return null;
  // Longest first, so "on call" wins over "on" where both start.
  const alternatives = usable.sort((a, b) => b.length - a.length).map(escape).join('|');
  const source = `(?<!${WORD})(?:${alternatives})(?!${WORD})`;
  const once = new RegExp(source, 'iu');
  const every = new RegExp(source, 'giu');
  return {
    test: (text) => once.test(text),
    split(text) {
      const parts: KeywordPart[] = [];
      let last = 0;
      for (const m of text.matchAll(every)) {
        // An empty match cannot happen (keywords are not blank); guard anyway so the loop always advances.
        if (!m[0]) continue;
        if (m.index > last) parts.push(text.slice(last, m.index));
        parts.push({ keyword: m[0] });
        last = m.index + m[0].length;
      }
      if (last < text.length) parts.push(text.slice(last));
      return parts;
    },
  };
}

/**
 * Whether a message reads like a mention of the owner (Discord's "mentions you" look): it mentions
 * them, or its own text holds a keyword. A system line's text (a channel's new name…) is not a message.
 */
export function looksMentioned(m: { content: string; view?: { type?: number; mentionsOwner?: boolean } | null }, matcher: KeywordMatcher | null): boolean {
  if (m.view?.mentionsOwner) return true;
  return matcher !== null && systemKey(m.view?.type) === null && matcher.test(m.content);
}
