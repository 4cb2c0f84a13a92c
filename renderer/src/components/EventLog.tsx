// What the app is doing, in a few lines: collapsed to the last 3 so it never crowds the messages.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogs } from '../hooks/useLogs';
import { useCoreText } from '../i18n/core-text';
import { Icon } from './Icon';

const COLLAPSED_LINES = 3;

export function EventLog() {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  const entries = useLogs();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const shown = expanded ? entries : entries.slice(-COLLAPSED_LINES);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <section className={`log${expanded ? ' log--expanded' : ''}`} data-testid="log" aria-labelledby={`${listId}-title`}>
      <header className="log__header">
        <h2 id={`${listId}-title`} className="log__title">
          {t('log.title')}
        </h2>
        {entries.length > COLLAPSED_LINES && (
          <button
            type="button"
            className="button button--ghost button--small log__toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded((e) => !e)}
          >
            <Icon name="chevron" size={14} />
            {expanded ? t('log.collapse') : t('log.expand')}
          </button>
        )}
      </header>
      {entries.length === 0 ? (
        <p className="log__empty">{t('log.empty')}</p>
      ) : (
        <ol id={listId} className="log__list">
          {shown.map((e) => (
            <li key={e.id} className={`log__entry log__entry--${e.level}`} data-level={e.level}>
              <time dateTime={new Date(e.time).toISOString()}>{time.format(e.time)}</time>
              {/* The level is written out, not only coloured, for colour-blind users. */}
              <span className="log__level">{t(`log.level.${e.level}`)}</span>
              <span className="log__message">{say(e.message, e.i18n)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
