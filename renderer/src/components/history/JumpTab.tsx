// Jump to a date: the list shows the stored messages around the first one posted at or after it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenMessage } from './HistoryPanel';

/** "2026-03-04" + "14:30" → that instant in the viewer's time zone. */
export function localInstant(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = (time || '00:00').split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}

export function JumpTab({ onOpen }: { onOpen: OpenMessage }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (date) onOpen({ at: localInstant(date, time) });
  };
  return (
    <form className="history-jump" onSubmit={submit}>
      <label>
        {t('history.jump.date')}
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} data-testid="jump-date" />
      </label>
      <label>
        {t('history.jump.time')}
        <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </label>
      <button type="submit" className="button" data-testid="jump-submit">
        {t('history.jump.go')}
      </button>
      <p className="history__hint">{t('history.jump.hint')}</p>
    </form>
  );
}
