// Reactions under a message with their counts; they change live (message.updated from the core).
import { useTranslation } from 'react-i18next';
import type { ChatReaction } from '../../../../shared/types';
import { safeUrl } from '../../lib/url';
import { UnicodeEmoji } from './DiscordMarkdown';

export function Reactions({ reactions }: { reactions: ChatReaction[] }) {
  const { t, i18n } = useTranslation();
  if (reactions.length === 0) return null;
  return (
    <ul className="reactions" aria-label={t('messages.reactions')}>
      {reactions.map((r) => {
        const name = r.emoji.id ? `:${r.emoji.name}:` : r.emoji.name;
        const url = safeUrl(r.emoji.url);
        return (
          <li key={r.emoji.id ?? r.emoji.name} className="reaction" data-testid="reaction" title={t('messages.reactionTitle', { emoji: name, count: r.count })}>
            {r.emoji.id ? url ? <img className="emoji" src={url} alt={name} loading="lazy" /> : name : <UnicodeEmoji emoji={r.emoji.name} />}
            <span className="reaction__count">{new Intl.NumberFormat(i18n.language).format(r.count)}</span>
          </li>
        );
      })}
    </ul>
  );
}
