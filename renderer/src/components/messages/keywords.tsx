// Highlight keywords (Settings): a message whose text holds one reads like a mention of you, and the
// keyword itself is marked. The matcher is built once per keyword list and shared through context.
import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { keywordMatcher, type KeywordMatcher } from '../../../../shared/keyword-match';

const KeywordsContext = createContext<KeywordMatcher | null>(null);
/** Set only around a message's own text: keywords are not marked in embeds, names or quotes. */
const MarkContext = createContext<KeywordMatcher | null>(null);

export const useKeywords = () => useContext(KeywordsContext);

export function KeywordsProvider({ keywords, children }: { keywords: readonly string[]; children: ReactNode }) {
  // A new array with the same words (each settings event) keeps the matcher, so no message re-renders.
  const key = keywords.join('\n');
  const matcher = useMemo(() => keywordMatcher(key ? key.split('\n') : []), [key]);
  return <KeywordsContext value={matcher}>{children}</KeywordsContext>;
}

/** Marks keywords in the text below it (a message's Markdown). */
export function MarkKeywords({ children }: { children: ReactNode }) {
  return <MarkContext value={useKeywords()}>{children}</MarkContext>;
}

/** The text with its keywords marked; `plain` draws the rest (search results mark their terms there). */
export function markKeywords(text: string, matcher: KeywordMatcher | null, plain: (run: string) => ReactNode = (run) => run): ReactNode {
  const parts = matcher?.split(text);
  // Most runs hold no keyword: no extra elements for them.
  if (!parts || (parts.length === 1 && typeof parts[0] === 'string')) return plain(text);
  return parts.map((part, i) =>
    typeof part === 'string' ? (
      <Fragment key={i}>{plain(part)}</Fragment>
    ) : (
      <mark key={i} className="mention mention--keyword" data-testid="keyword">
        {part.keyword}
      </mark>
    ),
  );
}

/** The matcher inside a message's own text (code blocks mark their runs with it), null elsewhere. */
export const useMarkKeywords = () => useContext(MarkContext);

/**
 * A Markdown text run, inline code included: its keywords marked inside a message's text. Code too,
 * because the message is flagged on its raw text (as Discord's keyword notifications match it): a
 * flag with nothing marked would leave the reader looking for why.
 */
export function KeywordText({ text }: { text: string }): ReactNode {
  const matcher = useContext(MarkContext);
  return matcher ? markKeywords(text, matcher) : text;
}
