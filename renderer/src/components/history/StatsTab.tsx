// Channel statistics for a period: messages per day (chart), busiest hours, top authors, attachments.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerZone } from '../../../../shared/time-zone';
import type { ChannelStats } from '../../../../shared/types';
import { errorSentence, useApi, type ErrorSentence } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { formatSize } from '../../lib/format';
import { localDay } from './day-chart-scales';

// uPlot (and its stylesheet) load only when a chart is shown.
const DayChart = lazy(() => import('./DayChart'));

const PERIODS = { d7: 7, d30: 30, d365: 365, all: null } as const;
type Period = keyof typeof PERIODS;
const DAY = 86_400_000;
/** A count answered sooner shows no note: a flash of "Counting…" at every change would be noise. */
const SLOW_MS = 300;

/** While a count is slow: the share done, when the core said it (null: not yet). */
type Counting = { done: number | null } | null;

export function StatsTab() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const say = useCoreText();
  const [period, setPeriod] = useState<Period>('d30');
  const [stats, setStats] = useState<ChannelStats | null>(null);
  const [span, setSpan] = useState<readonly [number, number] | undefined>(undefined);
  const [error, setError] = useState<ErrorSentence | null>(null);
  const [counting, setCounting] = useState<Counting>(null);

  useEffect(() => {
    let live = true;
    const days = PERIODS[period];
    const now = Date.now();
    const from = days === null ? null : now - days * DAY;
    // The chart spans the period's days, from the first one asked for to today.
    const span = from === null ? undefined : ([localDay(from), localDay(now)] as const);
    // Every panel receives every count's progress: this one's carry its own id.
    const progressId = Math.random().toString(36).slice(2, 12) || '0';
    let done: number | null = null;
    const off = api.on('messages.statsProgress', (p) => {
      if (p.id !== progressId) return;
      done = p.done;
      setCounting((c) => c && { done: p.done });
    });
    const slow = setTimeout(() => setCounting({ done }), SLOW_MS);
    let answered = false;
    const settled = () => {
      clearTimeout(slow);
      off();
      setCounting(null);
    };
    api.messages.stats({ ...viewerZone(), ...(from === null ? {} : { from }), progressId }).then(
      (s) => ((answered = true), live && (settled(), setStats(s), setSpan(span), setError(null))),
      (err: unknown) => ((answered = true), live && (settled(), setError(errorSentence(err)))),
    );
    return () => {
      live = false;
      settled();
      // Another period (or the tab closed) before the answer: the core stops this count at its next slice
      // instead of running it to the end beside the next one. An older core has no such command: nothing to do.
      if (!answered) api.messages.statsCancel({ progressId }).catch(() => {});
    };
  }, [api, period]);

  const busiest = stats ? Math.max(1, ...stats.hours) : 1;
  return (
    <div className="history-stats" data-testid="history-stats">
      <label>
        {t('history.stats.period')}{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {(Object.keys(PERIODS) as Period[]).map((p) => (
            <option key={p} value={p}>
              {t(`history.stats.periods.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert" className="history__error">{say(error.text, error.i18n)}</p>}
      {counting && (
        <p role="status" className="history__hint history-stats__counting" data-testid="stats-counting">
          {counting.done === null ? t('history.stats.counting') : t('history.stats.countingPart', { percent: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(counting.done) })}{' '}
          <progress max={1} {...(counting.done === null ? {} : { value: counting.done })} aria-label={t('history.stats.counting')} />
        </p>
      )}
      {stats && (
        <div className={counting ? 'history-stats__figures history-stats__figures--stale' : 'history-stats__figures'} aria-busy={counting ? true : undefined} data-testid="stats-figures">
          <p className="history__count">{t('history.stats.total', { count: stats.total, n: stats.total.toLocaleString(i18n.language) })}</p>
          <h3>{t('history.stats.perDay')}</h3>
          <Suspense fallback={<p className="history__hint">{t('history.stats.loadingChart')}</p>}>
            <DayChart days={stats.perDay} span={span} label={t('history.stats.perDay')} locale={i18n.language} />
          </Suspense>
          <h3>{t('history.stats.hours')}</h3>
          <ol className="history-hours" aria-label={t('history.stats.hours')}>
            {stats.hours.map((n, h) => (
              <li key={h} title={t('history.stats.hourTitle', { hour: h, count: n })}>
                <span className="history-hours__bar" style={{ height: `${Math.round((100 * n) / busiest)}%` }} />
                <span className="history-hours__label">{h}</span>
              </li>
            ))}
          </ol>
          <h3>{t('history.stats.authors')}</h3>
          <ol className="history-authors">
            {stats.topAuthors.map((a) => (
              <li key={a.id}>
                <span>{a.name}</span> <span>{a.count.toLocaleString(i18n.language)}</span>
              </li>
            ))}
          </ol>
          <p>{t('history.stats.attachments', { count: stats.attachments.count, size: formatSize(stats.attachments.bytes, t, i18n.language) })}</p>
        </div>
      )}
    </div>
  );
}
