// Backfill: "recent only" (default) or the channel's history within a limit and a period; runs in
// the core at Discord's rate limits, survives restarts, shows progress and an ETA, cancellable.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfillOptions, BackfillView } from '../../../../shared/types';
import { errorSentence, useApi, type ErrorSentence } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { formatDuration } from '../../lib/format';

const LIMITS = [100, 1000, 10000, null] as const;
const PERIODS = [24, 168, 720, null] as const;

export function BackfillTab() {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const [view, setView] = useState<BackfillView | null>(null);
  const [options, setOptions] = useState<BackfillOptions>({ mode: 'history', limit: 1000, periodHours: 168 });
  const [error, setError] = useState<ErrorSentence | null>(null);

  useEffect(() => {
    const off = api.on('history.backfill', setView);
    api.history.status().then(setView, (err: unknown) => setError(errorSentence(err)));
    return off;
  }, [api]);

  const act = (run: () => Promise<BackfillView>) => run().then((v) => (setView(v), setError(null)), (err: unknown) => setError(errorSentence(err)));
  const active = view?.state === 'running' || view?.state === 'paused';
  const n = (x: number) => x.toLocaleString(i18n.language);
  const pct = view?.expected ? Math.min(100, Math.round((100 * view.fetched) / view.expected)) : null;

  return (
    <div className="history-backfill" data-testid="history-backfill">
      <p className="history__hint">{t('history.backfill.intro')}</p>
      <fieldset disabled={active}>
        <label>
          {t('history.backfill.limit')}{' '}
          <select value={String(options.limit)} onChange={(e) => setOptions({ ...options, limit: LIMITS.find((l) => String(l) === e.target.value) ?? null })}>
            {LIMITS.map((l) => (
              <option key={String(l)} value={String(l)}>
                {l === null ? t('history.backfill.all') : n(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.backfill.period')}{' '}
          <select value={String(options.periodHours)} onChange={(e) => setOptions({ ...options, periodHours: PERIODS.find((p) => String(p) === e.target.value) ?? null })}>
            {PERIODS.map((p) => (
              <option key={String(p)} value={String(p)}>
                {t(`history.backfill.periods.${p ?? 'all'}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {active ? (
        <button type="button" className="button" onClick={() => void act(() => api.history.cancel())}>
          {t('history.backfill.cancel')}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={() => void act(() => api.history.backfill(options))} data-testid="backfill-start">
          {t('history.backfill.start')}
        </button>
      )}
      {/* Failed, it waits to retry by itself (the reason and time are in its message): the cancel stops that for good. */}
      {view?.state === 'failed' && (
        <button type="button" className="button" onClick={() => void act(() => api.history.cancel())}>
          {t('history.backfill.stopRetrying')}
        </button>
      )}
      {error && <p role="alert" className="history__error">{say(error.text, error.i18n)}</p>}
      {view && view.options.mode === 'history' && (
        <div className="history-backfill__progress" aria-live="polite">
          <progress max={100} value={pct ?? undefined} aria-label={t('history.backfill.progress')} />
          <p>
            {t(`history.backfill.state.${view.state}`, { fetched: n(view.fetched), stored: n(view.stored), expected: view.expected === null ? '?' : n(view.expected) })}
            {view.state === 'running' && view.etaSeconds !== null && ` · ${t('history.backfill.eta', { time: formatDuration(view.etaSeconds * 1000, t) })}`}
          </p>
          {view.reachedAt !== null && <p className="history__hint">{t('history.backfill.reached', { date: new Date(view.reachedAt).toLocaleString(i18n.language) })}</p>}
          {view.message && <p className="history__problem">{say(view.message, view.i18n)}</p>}
        </div>
      )}
    </div>
  );
}
