// Author picture, or their initial on a colour derived from their ID when there is none
// (or it fails to load, e.g. offline).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { avatarHue } from '../../../../shared/message-parts';
import type { ChatMessage } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { safeUrl } from '../../lib/url';

export function Avatar({ author }: { author: ChatMessage['author'] }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const name = stripBidiControls(author.displayName);
  const alt = t('messages.avatar', { name });
  const src = safeUrl(author.avatarUrl);

  if (src && !failed) {
    return (
      <img className="avatar" src={src} alt={alt} width={36} height={36} loading="lazy" decoding="async" onError={() => setFailed(true)} />
    );
  }
  const initial = [...name.trim()][0]?.toUpperCase() ?? '?';
  return (
    <span className="avatar avatar--initial" role="img" aria-label={alt} style={{ backgroundColor: `hsl(${avatarHue(author.id)} 45% 45%)` }}>
      {initial}
    </span>
  );
}
