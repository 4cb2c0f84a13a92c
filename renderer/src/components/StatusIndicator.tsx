// The bot's state at a glance: coloured dot, one sentence, how long, and what to do on error.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BotStatus } from '../../../shared/types';
import { useNow } from '../hooks/useNow';
import { currentLanguage } from '../i18n';
import { useCoreText, type SayCore } from '../i18n/core-text';
import { stripBidiControls } from '../lib/bidi';
import { formatDuration } from '../lib/format';

// The core words `sentence` in English with its key beside it; without a key (an older core), other
// languages rebuild it from the structured fields.
// Guild and channel names come from Discord: bidi controls in them could reorder the sentence.
function sentenceFor(status: BotStatus, t: TFunction, english: boolean, say: SayCore): string {
  if (status.i18n) return say(status.sentence, status.i18n);
  if (english && status.sentence) return stripBidiControls(status.sentence);
  if (status.state === 'connected') {
    const { channel, guild } = status;
    return stripBidiControls(channel && guild ? t('statusSentence.connected', { channel: channel.name, guild: guild.name }) : status.sentence);
  }
  return t(`statusSentence.${status.state}`);
}

export function StatusIndicator({ status }: { status: BotStatus | null }) {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  // Tick every second while a retry countdown is shown, otherwise a coarse tick is enough.
  const now = useNow(status?.nextRetryAt ? 1000 : 5000);

  if (!status) {
    return (
      <div className="status" data-testid="status" data-state="unknown" role="status" aria-live="polite">
        <span className="status__dot" aria-hidden="true" />
        <p className="status__sentence">{t('status.loading')}</p>
      </div>
    );
  }

  const { state, error, attempt, nextRetryAt } = status;
  const retryIn = nextRetryAt && nextRetryAt > now ? nextRetryAt - now : null;

  return (
    <div className={`status status--${state}`} data-testid="status" data-state={state} role="status" aria-live="polite">
      <span className="status__dot" aria-hidden="true" />
      <div className="status__text">
        <p className="status__sentence">
          <span className="visually-hidden">{t(`state.${state}`)}: </span>
          {sentenceFor(status, t, currentLanguage(i18n) === 'en', say)}
        </p>
        <p className="status__meta">
          {/* Hidden from screen readers: a live region would re-announce it at every tick. */}
          <span aria-hidden="true">{t('status.since', { duration: formatDuration(now - status.since, t) })}</span>
          {attempt !== undefined && <span>{t('status.attempt', { attempt })}</span>}
          {retryIn !== null && <span aria-hidden="true">{t('status.nextRetry', { duration: formatDuration(retryIn, t) })}</span>}
        </p>
        {error && (
          <div className="status__error">
            <p className="status__error-message">{say(error.message, error.i18n?.message)}</p>
            <p className="status__hint">{say(error.hint, error.i18n?.hint)}</p>
            {error.link && (
              <a href={error.link} target="_blank" rel="noopener noreferrer">
                {t('status.link')}
              </a>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
