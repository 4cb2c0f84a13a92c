// Search the stored history: Discord's syntax (words, "phrases", from:, mentions:, has:, before:,
// after:, during:), newest first, highlighted; a result opens the message in context.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerZone } from '../../../../shared/time-zone';
import type { SearchResult } from '../../../../shared/types';
import { errorSentence, useApi, type ErrorSentence } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { formatFullDate } from '../../lib/format';
import type { OpenMessage } from './HistoryPanel';
import { markKeywords, useKeywords } from '../messages/keywords';
import { highlight } from './highlight';
import { drawEmoji, resultText, withEmoji } from './result-text';

export function SearchTab({ onOpen }: { onOpen: OpenMessage }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const say = useCoreText();
  const keywords = useKeywords();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<ErrorSentence | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (before?: string) => {
    setBusy(true);
    try {
      const page = await api.messages.search({ query, ...viewerZone(), limit: 25, ...(before ? { before } : {}) });
      setResult((prev) => (before && prev ? { ...page, messages: [...prev.messages, ...page.messages] } : page));
      setError(null);
    } catch (err) {
      setError(errorSentence(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };

  return (
    <div className="history-search">
      <form role="search" onSubmit={submit} className="history-search__form">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('history.search.label')} placeholder={t('history.search.placeholder')} maxLength={1000} data-testid="history-search-input" />
        <button type="submit" className="button" disabled={busy}>
          {t('history.search.submit')}
        </button>
      </form>
      <p className="history__hint">{t('history.search.hint')}</p>
      {error && <p role="alert" className="history__error">{say(error.text, error.i18n)}</p>}
      {result?.problems.map((p) => (
        <p key={`${p.code}:${p.value}`} className="history__problem">
          {t(`history.search.problems.${p.code}`, { value: p.value })}
        </p>
      ))}
      {result && (
        <>
          <p className="history__count" aria-live="polite">
            {/* Pages of newest results: with more to read, the count is not the number of matches. */}
            {!result.messages.length ? t('history.search.none') : t(result.nextBefore ? 'history.search.shownMore' : 'history.search.shown', { count: result.messages.length, ms: result.tookMs })}
          </p>
          <ol className="history-results" data-testid="search-results">
            {result.messages.map((m) => (
              <li key={m.id}>
                <button type="button" className={m.view?.mentionsOwner || keywords?.test(m.content) ? 'history-result message--mentioned' : 'history-result'} onClick={() => onOpen({ around: m.id })} data-testid="search-result" data-message-id={m.id}>
                  <span className="history-result__meta">
                    <strong>{m.author.displayName}</strong> <time dateTime={new Date(m.createdAt).toISOString()}>{formatFullDate(m.createdAt, i18n.language)}</time>
                  </span>
                  <span className="history-result__text">{markKeywords(resultText(m), keywords, (run) => withEmoji(highlight(run, result.terms, drawEmoji)))}</span>
                </button>
              </li>
            ))}
          </ol>
          {result.nextBefore && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(result.nextBefore!)}>
              {t('history.search.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
