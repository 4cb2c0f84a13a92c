// After an update (or its rollback), for ten minutes: what happened, in one line.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LastUpdate } from '../../../../shared/types';
import { useCoreText } from '../../i18n/core-text';
import { useNow } from '../../hooks/useNow';
import { formatSeconds } from '../../lib/format';
import { readStored, writeStored } from '../../lib/storage';
import { isRecent, lastUpdateKey, shortHash } from '../../lib/update';
import { Icon } from '../Icon';
import { CommitList } from './CommitList';
import { SetAsideNote } from './SetAside';

const DISMISSED_KEY = 'dm.update.dismissedLast';

export function LastUpdateBanner({ last }: { last: LastUpdate | null }) {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  const now = useNow(30_000);
  const [dismissed, setDismissed] = useState(() => readStored(DISMISSED_KEY));
  const [showCommits, setShowCommits] = useState(false);
  const listId = useId();

  if (!last || !isRecent(last, now) || dismissed === lastUpdateKey(last)) return null;

  const success = last.outcome === 'success';
  const text = success
    ? t('update.last.success', {
        from: shortHash(last.from),
        to: shortHash(last.to),
        duration: formatSeconds(last.durationMs, t, i18n.language),
      })
    : t(`update.last.${last.outcome}`, { message: say(last.message, last.i18n?.message) });
  const dismiss = () => {
    const key = lastUpdateKey(last);
    setDismissed(key);
    writeStored(DISMISSED_KEY, key);
  };

  return (
    <div
      className={`banner last-update ${success ? 'banner--success' : 'banner--error'}`}
      data-testid="last-update"
      data-outcome={last.outcome}
      role="status"
    >
      <Icon name={success ? 'check' : 'warning'} />
      <p className="last-update__text">{text}</p>
      {success && last.commits.length > 0 && (
        <button
          type="button"
          className="button button--ghost button--small last-update__toggle"
          aria-expanded={showCommits}
          aria-controls={listId}
          onClick={() => setShowCommits((s) => !s)}
        >
          <Icon name="chevron" size={14} />
          {showCommits ? t('update.last.hideCommits') : t('update.last.showCommits', { count: last.commits.length })}
        </button>
      )}
      <button type="button" className="icon-button last-update__dismiss" onClick={dismiss} aria-label={t('update.last.dismiss')}>
        <Icon name="close" size={16} />
      </button>
      {showCommits && <CommitList id={listId} commits={last.commits} />}
      {last.setAside && <SetAsideNote setAside={last.setAside} />}
    </div>
  );
}
