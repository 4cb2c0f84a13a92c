// Message text in Discord's Markdown dialect (shared/discord-markdown.ts), drawn by DiscordMarkdown.
// There is no raw-HTML rule in the parser: `<b>` stays text, and nothing is ever set as innerHTML.
import { memo, useMemo } from 'react';
import type { ChatMessageView } from '../../../../shared/types';
import { parseDiscordMarkdown, type MdNode } from '../../../../shared/discord-markdown';
import { MessageRefsContext, type MessageRefs } from './discord-context';
import { DiscordMarkdown } from './DiscordMarkdown';
import { MarkKeywords } from './keywords';

const NO_REFS: MessageRefs = { mentions: { users: [], roles: [], channels: [], everyone: false }, emojis: [] };
/** Discord shows up to 30 emoji (and nothing else) in a message at a larger size. */
const JUMBO_MAX = 30;

function isJumbo(nodes: MdNode[]): boolean {
  let emoji = 0;
  for (const n of nodes) {
    if (n.type === 'emoji' || n.type === 'twemoji') emoji++;
    else if (!(n.type === 'text' && typeof n.content === 'string' && n.content.trim() === '') && n.type !== 'br') return false;
  }
  return emoji > 0 && emoji <= JUMBO_MAX;
}

export const MessageContent = memo(function MessageContent({ content, view }: { content: string; view?: Pick<ChatMessageView, 'mentions' | 'emojis'> }) {
  const nodes = useMemo(() => parseDiscordMarkdown(content), [content]);
  const refs = useMemo(() => (view ? { mentions: view.mentions, emojis: view.emojis } : NO_REFS), [view]);
  if (!content) return null;
  return (
    // A block-level isolate: bidi controls in the content cannot reorder the name, time or marks.
    <bdi className={isJumbo(nodes) ? 'markdown markdown--jumbo' : 'markdown'}>
      <MessageRefsContext value={refs}>
        <MarkKeywords>
          <DiscordMarkdown nodes={nodes} />
        </MarkKeywords>
      </MessageRefsContext>
    </bdi>
  );
});
