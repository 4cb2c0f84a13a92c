// Discord's ||spoiler||: hidden until clicked (or Enter/Space), then shown for good.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Spoiler({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  if (revealed) return <span className="spoiler spoiler--revealed">{children}</span>;
  return (
    <span
      className="spoiler"
      role="button"
      tabIndex={0}
      aria-label={t('messages.spoiler')}
      onClick={() => setRevealed(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setRevealed(true);
        }
      }}
    >
      {/* Hidden from screen readers too, until revealed. */}
      <span aria-hidden="true">{children}</span>
    </span>
  );
}
