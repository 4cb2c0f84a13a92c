// Automatic backups: the switch (read-only when BACKUP_ENABLED sets it), where they go, the recent ones.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../../shared/archive';
import { isAbsoluteFolder } from '../../../../shared/schemas';
import type { SettingsView } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';

const REASONS = new Set(['scheduled', 'manual', 'before-delete-all']);
type Reason = 'scheduled' | 'manual' | 'before-delete-all';

export function BackupSection({ settings, onSettings }: { settings: SettingsView; onSettings: (v: SettingsView) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const say = useCoreText();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => api.archive.status().then(setStatus, () => undefined), [api]);
  useEffect(() => void refresh(), [refresh, settings]);
  // Delete-all writes a backup before its first delete, and the list should show it.
  useEffect(() => api.on('archive.deleteProgress', (p) => (p.state !== 'running' || p.deleted === 0) && void refresh()), [api, refresh]);
  const when = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const locked = settings.fromEnv.backupEnabled;
  // Why a backup was written, in the panel's language; one the core names otherwise shows as named.
  const reasonText = (reason: string) => (REASONS.has(reason) ? t(`archive.backups.reasons.${reason as Reason}`) : reason);

  const save = async (patch: { backupEnabled?: boolean; backupKeep?: number; backupIntervalHours?: number; backupDir?: string }) => {
    setMessage(null);
    try {
      onSettings(await api.settings.save(patch));
    } catch (error) {
      setMessage(errorMessage(error, say));
    }
  };
  const toggle = (enabled: boolean) => save({ backupEnabled: enabled });
  const [keep, setKeep] = useState(String(settings.backupKeep));
  const [hours, setHours] = useState(String(settings.backupIntervalHours));
  const [dir, setDir] = useState(settings.backupDir);
  const whole = (v: string, max: number) => (/^\s*\d+\s*$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const k = whole(keep, 365);
    const h = whole(hours, 720);
    if (k === null || h === null) return setMessage(t('archive.backups.invalid'));
    // As the core checks it (shared/schemas.ts), said here in the panel's language without a round trip.
    if (!settings.fromEnv.backupDir && dir.trim() !== '' && !isAbsoluteFolder(dir.trim())) return setMessage(t('archive.backups.dirNotAbsolute'));
    void save({ backupKeep: k, backupIntervalHours: h, ...(settings.fromEnv.backupDir ? {} : { backupDir: dir.trim() }) });
  };
  const now = async () => {
    setMessage(null);
    try {
      const info = await api.archive.backupNow();
      setMessage(t('archive.backups.written', { file: info.file }));
      void refresh();
    } catch (error) {
      setMessage(t('archive.backups.failed', { message: errorMessage(error, say) }));
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
      <form className="archive-form" onSubmit={submit}>
        <label>
          {t('archive.backups.keep')}
          <input inputMode="numeric" size={4} value={keep} onChange={(e) => setKeep(e.target.value)} data-testid="backup-keep" />
        </label>
        <label>
          {t('archive.backups.interval')}
          <input inputMode="numeric" size={4} value={hours} onChange={(e) => setHours(e.target.value)} data-testid="backup-interval" />
        </label>
        <label className="archive-form__wide">
          {t('archive.backups.dir')}
          <input value={dir} placeholder={b?.dir} disabled={Boolean(settings.fromEnv.backupDir)} onChange={(e) => setDir(e.target.value)} data-testid="backup-dir" />
        </label>
        <button type="submit" className="button">
          {t('archive.backups.save')}
        </button>
      </form>
      {b?.nextAt && <p className="archive-hint">{t('archive.backups.next', { time: when(b.nextAt) })}</p>}
      {b && (b.recent.length ? (
        <ul className="archive-list">
          {b.recent.map((r) => (
            <li key={r.file} title={r.file}>
              {t('archive.backups.item', { time: when(r.at), count: r.count, n: r.count.toLocaleString(i18n.language), reason: reasonText(r.reason) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="archive-hint">{t('archive.backups.none')}</p>
      ))}
      {b?.error && <p className="archive-error" role="alert">{say(b.error, b.errorI18n)}</p>}
      <button type="button" className="button" onClick={() => void now()} data-testid="backup-now">
        {t('archive.backups.now')}
      </button>
      {message && <p role="status" className="archive-result">{message}</p>}
    </section>
  );
}
