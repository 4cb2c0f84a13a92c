// A system message (join, pin, boost, thread created…) as one line in Discord's words.
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { systemLine } from '../../lib/discord/system';

export function SystemLine({ message: m, sentenceKey }: { message: ChatMessage; sentenceKey: string }) {
  const { t, i18n } = useTranslation();
  // Keys come from shared/system-messages.ts, which lists only keys both languages define (i18n tests check it).
  const { key, content, times } = systemLine(m, sentenceKey);
  // Names go in their own isolate (FSI…PDI) so they cannot reorder the sentence around them.
  const iso = (text: string) => `\u2068${stripBidiControls(text)}\u2069`;
  return (
    <p className="system-line" data-testid="system-line">
      {t(`messages.system.${key}` as 'messages.system.pinned', { name: iso(m.author.displayName), content: iso(content), times: times.toLocaleString(i18n.language), interpolation: { escapeValue: false } })}
    </p>
  );
}
