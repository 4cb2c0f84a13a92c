// A system message (join, pin, boost, thread created…) as one line in Discord's words.
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { pollOutcome } from '../../lib/discord/poll-result';
import { joinVariant } from '../../lib/discord/system';

export function SystemLine({ message: m, sentenceKey }: { message: ChatMessage; sentenceKey: string }) {
  const { t, i18n } = useTranslation();
  // Keys come from lib/discord/system.ts, which lists only keys both languages define (i18n tests check it).
  // Several boosts at once: Discord sends how many as the content ("3"), and says it.
  const boosts = sentenceKey.startsWith('boost') && /^\d{1,6}$/.test(m.content) ? Number(m.content) : 1;
  const key = sentenceKey === 'join' ? `join${joinVariant(m.createdAt)}` : boosts > 1 ? `${sentenceKey}Times` : sentenceKey;
  // Names go in their own isolate (FSI…PDI) so they cannot reorder the sentence around them.
  const iso = (text: string) => `\u2068${stripBidiControls(text)}\u2069`;
  // A closed poll names its question, which Discord sends in the result embed, not the content.
  const content = sentenceKey === 'pollResult' ? (pollOutcome(m.view?.embeds)?.question ?? '') : m.content;
  return (
    <p className="system-line" data-testid="system-line">
      {t(`messages.system.${key}` as 'messages.system.pinned', { name: iso(m.author.displayName), content: iso(content), times: boosts.toLocaleString(i18n.language), interpolation: { escapeValue: false } })}
    </p>
  );
}
