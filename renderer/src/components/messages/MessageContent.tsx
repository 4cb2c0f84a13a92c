// Message text as Discord-flavoured Markdown. Raw HTML is never rendered: it is turned into
// text first (remarkHtmlAsText) and skipHtml stays on in case anything slips through.
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { remarkDepthCap } from '../../lib/markdown-depth';
import { remarkHtmlAsText, remarkSpoilers } from '../../lib/markdown-plugins';
import { safeUrl } from '../../lib/url';
import { Spoiler } from './Spoiler';

const REMARK_PLUGINS = [remarkGfm, remarkDepthCap, remarkHtmlAsText, remarkSpoilers];

const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={safeUrl(href)} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  // Discord does not embed Markdown images; a link keeps the panel from loading arbitrary URLs.
  img: ({ src, alt }) => {
    const url = typeof src === 'string' ? safeUrl(src) : undefined;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer">
        {alt || url}
      </a>
    );
  },
  span: ({ className, children }) =>
    className === 'spoiler' ? <Spoiler>{children}</Spoiler> : <span className={className}>{children}</span>,
};

export const MessageContent = memo(function MessageContent({ content }: { content: string }) {
  if (!content) return null;
  return (
    // A block-level isolate: bidi controls in the content cannot reorder the name, time or marks.
    <bdi className="markdown">
      <Markdown remarkPlugins={REMARK_PLUGINS} components={COMPONENTS} skipHtml>
        {content}
      </Markdown>
    </bdi>
  );
});
