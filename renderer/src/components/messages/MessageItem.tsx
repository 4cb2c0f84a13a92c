// One message of the feed. Its place in the window (index, size, offset) is on a thin shell; the body is
// memoised on the message alone (immutable: only an edit re-renders it), so a prepended page redraws no row.
import { memo, useMemo, type CSSProperties, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { formatFullDate, formatMessageTime } from '../../lib/format';
import { systemKey } from '../../lib/discord/system';
import { Attachments } from './Attachments';
import { Avatar } from './Avatar';
import { EmojiText } from './DiscordMarkdown';
import { Components } from './Components';
import { Embeds } from './Embeds';
import { Poll, Stickers, ThreadInfo } from './Extras';
import { Forward } from './Forward';
import { attachmentsNotInComponents } from '../../../../shared/component-files';
import { looksMentioned } from '../../../../shared/keyword-match';
import { useKeywords } from './keywords';
import { MessageBoundary } from './MessageBoundary';
import { MessageContent } from './MessageContent';
import { Reactions } from './Reactions';
import { ReplyPreview } from './ReplyPreview';
import { SystemLine } from './SystemLine';

interface Props {
  message: ChatMessage;
  index: number;
  total: number;
  style?: CSSProperties;
  ref?: Ref<HTMLElement>;
}

export const MessageItem = memo(function MessageItem({ message: m, index, total, style, ref }: Props) {
  const system = systemKey(m.view?.type);
  // A highlight keyword in the text reads like a mention of the owner (Discord's keyword notifications).
  const keywords = useKeywords();
  const classes = useMemo(() => {
    const mentioned = looksMentioned(m, keywords);
    return ['message', m.deleted && 'message--deleted', m.caughtUp && 'message--caught-up', mentioned && 'message--mentioned', system && 'message--system'].filter(Boolean).join(' ');
  }, [m, system, keywords]);

  return (
    // data-index: the virtualiser reads it to know which item it measures.
    <article
      ref={ref}
      className={classes}
      style={style}
      data-index={index}
      data-testid="message"
      data-message-id={m.id}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-labelledby={`message-${m.id}-author`}
    >
      <MessageBoundary message={m}>
        <MessageBody message={m} />
      </MessageBoundary>
    </article>
  );
});

const MessageBody = memo(function MessageBody({ message: m }: { message: ChatMessage }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const v = m.view;
  const system = systemKey(v?.type);
  return (
    <>
      {v?.reply && <ReplyPreview reply={v.reply} mentions={v.mentions} />}
      <Avatar author={m.author} />
      <div className="message__body">
        <header className="message__header">
          <span id={`message-${m.id}-author`} className="message__author">
            <bdi>
              <EmojiText text={stripBidiControls(m.author.displayName)} />
            </bdi>
          </span>
          {m.author.bot && <span className="badge">{t('messages.bot')}</span>}
          <time className="message__time" dateTime={new Date(m.createdAt).toISOString()} title={formatFullDate(m.createdAt, locale)}>
            {formatMessageTime(m.createdAt, locale)}
          </time>
          {m.caughtUp && (
            <span className="message__tag" title={t('messages.caughtUpHint')}>
              {t('messages.caughtUp')}
            </span>
          )}
        </header>
        <div className="message__content">
          {system ? <SystemLine message={m} sentenceKey={system} /> : <MessageContent content={m.content} view={v} />}
          {v?.forward && <Forward forward={v.forward} messageId={m.id} />}
          <Attachments attachments={attachmentsNotInComponents(m.attachments, v?.components)} messageId={m.id} />
          {v && <Embeds embeds={v.embeds} messageId={m.id} />}
          {v && <Stickers stickers={v.stickers} />}
          {v?.poll && <Poll poll={v.poll} />}
          {v?.components && <Components components={v.components} refs={v} messageId={m.id} />}
          {v?.thread && <ThreadInfo thread={v.thread} />}
          {v && <Reactions reactions={v.reactions} />}
        </div>
        {(m.editedAt !== null || m.deleted) && (
          <p className="message__marks">
            {m.editedAt !== null && (
              <span className="message__edited" title={t('messages.editedAt', { time: formatFullDate(m.editedAt, locale) })}>
                {t('messages.edited')}
              </span>
            )}
            {m.deleted && <span className="message__deleted">{t('messages.deleted')}</span>}
          </p>
        )}
      </div>
    </>
  );
});
