// The quoted message above a reply, as Discord shows it; a click brings the original into view
// when it is on screen, else asks the list to load it (the `message-view:jump` event).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMentions, ChatReply } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { parseDiscordMarkdown } from '../../../../shared/discord-markdown';
import { MessageRefsContext, type MessageRefs } from './discord-context';
import { DiscordMarkdown } from './DiscordMarkdown';

export const JUMP_EVENT = 'message-view:jump';

export function jumpToMessage(id: string): void {
  const el = document.querySelector<HTMLElement>(`[data-testid="message"][data-message-id="${CSS.escape(id)}"]`);
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.classList.add('message--highlight');
    setTimeout(() => el.classList.remove('message--highlight'), 1500);
  } else {
    window.dispatchEvent(new CustomEvent(JUMP_EVENT, { detail: { id } }));
  }
}

/**
 * The excerpt's mentions by the names Discord sent with the original (kept with the quote), then the
 * reply's own (it often pings the same people); unknown ones read as Discord's words, as in the text.
 */
function quoteRefs(reply: ChatReply, own: ChatMentions | undefined): MessageRefs {
  const q = reply.mentions;
  return {
    mentions: { users: [...(q?.users ?? []), ...(own?.users ?? [])], roles: [...(q?.roles ?? []), ...(own?.roles ?? [])], channels: [...(q?.channels ?? []), ...(own?.channels ?? [])], everyone: false },
    emojis: [],
  };
}

export function ReplyPreview({ reply, mentions }: { reply: ChatReply; mentions?: ChatMentions }) {
  const { t } = useTranslation();
  const gone = reply.author === null && reply.excerpt === null;
  const refs = useMemo(() => quoteRefs(reply, mentions), [reply, mentions]);
  return (
    <button type="button" className="reply" data-testid="reply" onClick={() => jumpToMessage(reply.id)} title={t('messages.jumpToReply')}>
      <span className="reply__spine" aria-hidden="true" />
      {gone ? (
        <span className="reply__missing">{t('messages.replyDeleted')}</span>
      ) : (
        <>
          {reply.author && <span className="reply__author">@<bdi>{stripBidiControls(reply.author)}</bdi></span>}
          {/* Discord draws the excerpt's Markdown and emoji on one line (CSS flattens blocks and breaks). */}
          <bdi className="reply__excerpt">{reply.excerpt !== null ? (
              <MessageRefsContext value={refs}>
                <DiscordMarkdown nodes={parseDiscordMarkdown(reply.excerpt)} />
              </MessageRefsContext>
            ) : (
              t('messages.replyNotLoaded')
            )}</bdi>
        </>
      )}
    </button>
  );
}
