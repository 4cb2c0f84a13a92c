// Export: the browser downloads through a one-time link (headless; HTML with its media comes as one .zip);
// the desktop asks where to save.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/archive';
import { fieldDayStart, fieldZone } from '../../../../shared/time-zone';
import { errorMessage, useApi } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { useAppInfo } from '../../hooks/useAppInfo';

export function ExportSection() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const say = useCoreText();
  const info = useAppInfo();
  const desktop = info?.mode === 'electron';
  const [format, setFormat] = useState<ExportFormat>('html');
  const [after, setAfter] = useState('');
  const [before, setBefore] = useState('');
  const [query, setQuery] = useState('');
  const [media, setMedia] = useState<'link' | 'download'>('link');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);

  useEffect(() => api.on('archive.exportProgress', (p) => setProgress({ done: p.done, total: p.total })), [api]);

  // The zone the date fields' days are in and the file prints its times in, named beside them (UTC, said
  // as such, where the browser cannot name its own: the fields then are UTC days too).
  const fields = fieldZone();
  const zone = fields.timeZone;
  const dayStart = (value: string) => fieldDayStart(value, fields);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filter = {
      ...(dayStart(after) !== undefined ? { after: dayStart(after) } : {}),
      ...(dayStart(before) !== undefined ? { before: dayStart(before) } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
      // The zone of these days: the query's dates (during:, after:) are days here too, as in the search
      // box, and the file prints its times and day headings here.
      timeZone: zone,
    };
    const request = { format, filter, locale: i18n.language === 'fr' ? ('fr' as const) : ('en' as const), ...(format === 'html' ? { media } : {}) };
    setBusy(true);
    setResult(null);
    setProgress(null);
    try {
      if (desktop) {
        const saved = await api.archive.export(request);
        if ('cancelled' in saved) setResult(null);
        else {
          // Media left as links is said, with why an expired link could not be fetched again (the bot stopped).
          const media = saved.mediaFailed ? [t('archive.export.mediaFailed', { count: saved.mediaFailed }), saved.mediaNote && say(saved.mediaNote, saved.mediaNoteI18n)] : [];
          setResult([t('archive.export.saved', { count: saved.count, file: saved.file }), ...media].filter(Boolean).join(' '));
        }
      } else {
        // A plain link: the browser streams the file to disk; the ticket works once, for a minute.
        const { path } = await api.archive.downloadTicket(request);
        const link = document.createElement('a');
        link.href = path;
        link.download = '';
        link.click();
        setResult(t('archive.export.downloading'));
      }
    } catch (error) {
      setResult(t('archive.export.failed', { message: errorMessage(error, say) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="archive-section" aria-labelledby="archive-export-title">
      <h3 id="archive-export-title">{t('archive.export.title')}</h3>
      <form className="archive-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('archive.export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`archive.export.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('archive.export.after', { zone })}
          <input type="date" value={after} onChange={(e) => setAfter(e.target.value)} data-testid="export-after" />
        </label>
        <label>
          {t('archive.export.before', { zone })}
          <input type="date" value={before} onChange={(e) => setBefore(e.target.value)} data-testid="export-before" />
        </label>
        {!fields.named && (
          <p className="archive-hint archive-form__wide" data-testid="export-zone-unnamed">
            {t('archive.export.zoneUnnamed')}
          </p>
        )}
        <label className="archive-form__wide">
          {t('archive.export.query')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={500} data-testid="export-query" />
        </label>
        {format === 'html' && (
          <label>
            {t('archive.export.media')}
            <select value={media} onChange={(e) => setMedia(e.target.value as 'link' | 'download')} data-testid="export-media">
              <option value="link">{t('archive.export.mediaLink')}</option>
              <option value="download">{t(desktop ? 'archive.export.mediaDownload' : 'archive.export.mediaDownloadZip')}</option>
            </select>
          </label>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="export-start">
          {t('archive.export.start')}
        </button>
      </form>
      {progress && progress.total > 0 && (busy || progress.done < progress.total) && (
        <progress className="archive-progress" max={progress.total} value={progress.done} aria-label={t('archive.export.running', { done: progress.done, total: progress.total })} />
      )}
      {result && (
        <p role="status" className="archive-result" data-testid="export-result">
          {result}
        </p>
      )}
      <p className="archive-hint">{t('archive.export.cli')}</p>
    </section>
  );
}
