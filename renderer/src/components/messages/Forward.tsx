// A forwarded message: Discord shows "Forwarded" above the original's content, files and embeds,
// in a quote-like box, with when the original was posted.
import { useTranslation } from 'react-i18next';
import type { ChatMessageView } from '../../../../shared/types';
import { formatFullDate, formatMessageTime } from '../../lib/format';
import { Attachments } from './Attachments';
import { Embeds } from './Embeds';
import { MessageContent } from './MessageContent';

/** `messageId`: the forward's own id (its snapshot's files get fresh links through it). */
export function Forward({ forward: f, messageId }: { forward: NonNullable<ChatMessageView['forward']>; messageId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="forward" data-testid="forward">
      <p className="forward__label">{t('messages.forwarded')}</p>
      <MessageContent content={f.content} />
      <Attachments attachments={f.attachments} messageId={messageId} />
      <Embeds embeds={f.embeds} messageId={messageId} />
      <time className="forward__time" dateTime={new Date(f.createdAt).toISOString()} title={formatFullDate(f.createdAt, i18n.language)}>
        {formatMessageTime(f.createdAt, i18n.language)}
      </time>
    </section>
  );
}
