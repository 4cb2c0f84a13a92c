// What the core needs the user to read (a settings file moved aside…): shown until dismissed, above
// everything else, because the event log shows only its last lines and this one must not scroll away.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/types';
import { errorSentence, type ErrorSentence } from '../api-context';
import { useNotices } from '../hooks/useNotices';
import { useCoreText } from '../i18n/core-text';
import { Icon } from './Icon';

// Codes the panel translates; any other shows the core's English sentence.
const TRANSLATED = ['settings-moved-aside'] as const;
type Translated = (typeof TRANSLATED)[number];
const isTranslated = (code: string): code is Translated => (TRANSLATED as readonly string[]).includes(code);

export function NoticeBanners() {
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeBanner key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
      ))}
    </div>
  );
}

function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => Promise<void> }) {
  const { t } = useTranslation();
  const say = useCoreText();
  const [failed, setFailed] = useState<ErrorSentence | null>(null);
  const { path = '', reason = '' } = notice.params;
  // By key when the core sent one; notices stored by an older version have only their code.
  const text = notice.i18n ? say(notice.message, notice.i18n) : isTranslated(notice.code) ? t(`notices.${notice.code}`, { path, reason }) : notice.message;
  const dismiss = () => {
    setFailed(null);
    // The core's refusal by key (shutting down, a disk fault): said in the panel's language when shown.
    onDismiss().catch((err: unknown) => setFailed(errorSentence(err)));
  };
  return (
    <div className={`banner notice notice--${notice.level}`} role="alert" data-testid="notice" data-code={notice.code}>
      <Icon name="warning" />
      <div className="notice__body">
        <p className="notice__text">{text}</p>
        {failed && <p className="notice__error">{t('notices.dismissFailed', { message: say(failed.text, failed.i18n) })}</p>}
      </div>
      <button type="button" className="button button--small" onClick={dismiss}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
