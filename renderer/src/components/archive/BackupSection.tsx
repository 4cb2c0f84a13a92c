// Automatic backups: the switch (read-only when BACKUP_ENABLED sets it), where they go, the recent ones.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../../shared/archive';
import type { SettingsView } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';

export function BackupSection({ settings, onSettings }: { settings: SettingsView; onSettings: (v: SettingsView) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => api.archive.status().then(setStatus, () => undefined), [api]);
  useEffect(() => void refresh(), [refresh, settings]);
  // Delete-all writes a backup before its first delete, and the list should show it.
  useEffect(() => api.on('archive.deleteProgress', (p) => (p.state !== 'running' || p.deleted === 0) && void refresh()), [api, refresh]);
  const when = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const locked = settings.fromEnv.backupEnabled;

  const toggle = async (enabled: boolean) => {
    try {
      onSettings(await api.settings.save({ backupEnabled: enabled }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const now = async () => {
    setMessage(null);
    try {
      const info = await api.archive.backupNow();
      setMessage(t('archive.backups.written', { file: info.file }));
      void refresh();
    } catch (error) {
      setMessage(t('archive.backups.failed', { message: errorMessage(error) }));
    }
  };

  const b = status?.backups;
  return (
    <section className="archive-section" aria-labelledby="archive-backups-title">
      <h3 id="archive-backups-title">{t('archive.backups.title')}</h3>
      <label className="archive-check">
        <input type="checkbox" checked={settings.backupEnabled} disabled={Boolean(locked)} onChange={(e) => void toggle(e.target.checked)} data-testid="backup-enabled" />
        {t('archive.backups.enabled')}
        {locked && <span className="archive-hint"> ({t('archive.backups.fromEnv', { variable: locked })})</span>}
      </label>
      {b && <p className="archive-hint">{t('archive.backups.every', { hours: b.intervalHours, keep: b.keep, dir: b.dir })}</p>}
      {b?.nextAt && <p className="archive-hint">{t('archive.backups.next', { time: when(b.nextAt) })}</p>}
      {b && (b.recent.length ? (
        <ul className="archive-list">
          {b.recent.map((r) => (
            <li key={r.file} title={r.file}>
              {t('archive.backups.item', { time: when(r.at), count: r.count, reason: r.reason })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="archive-hint">{t('archive.backups.none')}</p>
      ))}
      {b?.error && <p className="archive-error" role="alert">{b.error}</p>}
      <button type="button" className="button" onClick={() => void now()} data-testid="backup-now">
        {t('archive.backups.now')}
      </button>
      {message && <p role="status" className="archive-result">{message}</p>}
    </section>
  );
}
