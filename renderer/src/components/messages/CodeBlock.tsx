// A fenced code block, highlighted like Discord when it names a language. The highlighter (lowlight:
// highlight.js grammars producing a tree we render as elements, no innerHTML) is its own chunk,
// downloaded the first time a block needs it; until then, and until the per-frame queue
// (lib/discord/highlight-queue) reaches the block, the code shows plain.
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import type { KeywordMatcher } from '../../../../shared/keyword-match';
import type { HighlightTree } from '../../lib/discord/highlight';
import { cachedHighlight, requestHighlight } from '../../lib/discord/highlight-queue';
import { markKeywords, useMarkKeywords } from './keywords';

/** Beyond this, highlighting costs more than it helps (Discord's own messages stop at 4,000 characters). */
const MAX_HIGHLIGHT = 20_000;

export default function CodeBlock({ code, lang }: { code: string; lang: string }) {
  const wanted = Boolean(lang) && code.length <= MAX_HIGHLIGHT;
  // A block shown before is drawn highlighted at once; a new one a few frames later (the queue's budget).
  const [tree, setTree] = useState<HighlightTree | null>(() => (wanted ? (cachedHighlight(code, lang) ?? null) : null));
  useEffect(() => {
    if (!wanted) return setTree(null);
    const known = cachedHighlight(code, lang);
    if (known !== undefined) return setTree(known);
    return requestHighlight(code, lang, setTree);
  }, [code, lang, wanted]);
  // Keywords are marked per text run: one split across two highlighted tokens stays unmarked.
  const matcher = useMarkKeywords();
  return (
    <pre className="md-codeblock" data-lang={lang || undefined}>
      <code className={tree ? 'hljs' : undefined}>{tree ? renderTree(tree.children, matcher) : markKeywords(code, matcher)}</code>
    </pre>
  );
}

function renderTree(nodes: HighlightTree['children'], matcher: KeywordMatcher | null): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'text') return <Fragment key={i}>{markKeywords(n.value, matcher)}</Fragment>;
    if (n.type !== 'element') return null;
    const cls = n.properties?.className;
    return (
      <span key={i} className={Array.isArray(cls) ? cls.join(' ') : undefined}>
        {renderTree(n.children as HighlightTree['children'], matcher)}
      </span>
    );
  });
}
