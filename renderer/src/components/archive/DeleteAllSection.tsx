// "Delete all messages": hidden behind the dangerous-actions switch, then the permission check, then
// the three confirmations (phrase, channel name, checkbox); the button stays disabled until all match.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DELETE_PHRASE, type DeleteAllCheck, type DeleteProgress } from '../../../../shared/archive';
import type { SettingsView } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';

export function DeleteAllSection({ settings, onSettings }: { settings: SettingsView; onSettings: (v: SettingsView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const say = useCoreText();
  const [check, setCheck] = useState<DeleteAllCheck | null>(null);
  const [phrase, setPhrase] = useState('');
  const [channelName, setChannelName] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [progress, setProgress] = useState<DeleteProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => api.archive.deleteAllCheck().then(setCheck, (e) => setError(errorMessage(e, say))), [api, say]);
  useEffect(() => void refresh(), [refresh, settings.dangerousActionsEnabled]);
  useEffect(() => api.on('archive.deleteProgress', setProgress), [api]);
  // The last run, when the panel opens: one still going, or how the last one ended (one the app's end cut short, said).
  useEffect(() => {
    void api.archive.status().then((s) => setProgress((p) => p ?? s.deleteAll), () => undefined);
  }, [api]);

  const enable = async (on: boolean) => {
    try {
      onSettings(await api.settings.save({ dangerousActionsEnabled: on }));
    } catch (e) {
      setError(errorMessage(e, say));
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.archive.deleteAll({ phrase, channelName, acknowledged });
      setPhrase('');
      setChannelName('');
      setAcknowledged(false);
    } catch (e) {
      setError(errorMessage(e, say));
    }
  };

  const name = check?.channel?.name ?? '';
  const ready = phrase === DELETE_PHRASE && name !== '' && channelName === name && acknowledged;
  const running = progress?.state === 'running';
  const locked = settings.fromEnv.dangerousActionsEnabled;
  return (
    <section className="archive-section archive-section--danger" aria-labelledby="archive-danger-title">
      <h3 id="archive-danger-title">{t('archive.danger.title')}</h3>
      <p className="archive-hint">{t('archive.danger.intro')}</p>
      <label className="archive-check">
        <input type="checkbox" checked={settings.dangerousActionsEnabled} disabled={Boolean(locked)} onChange={(e) => void enable(e.target.checked)} data-testid="dangerous-enabled" />
        {t('archive.danger.enable')}
        {locked && <span className="archive-hint"> ({t('archive.backups.fromEnv', { variable: locked })})</span>}
      </label>
      {progress && (
        <div role="status" className="archive-result" data-testid="delete-progress">
          <p>{t('archive.danger.progress', { deleted: progress.deleted, bulk: progress.bulk, single: progress.single, failed: progress.failed })}</p>
          {progress.backup && <p className="archive-hint">{t('archive.danger.backup', { file: progress.backup })}</p>}
          {!running && <p>{say(progress.message, progress.i18n)}</p>}
          {running && (
            <button type="button" className="button" onClick={() => void api.archive.cancelDelete()} data-testid="delete-cancel">
              {t('archive.danger.cancel')}
            </button>
          )}
        </div>
      )}
      {check && !check.allowed && !running && (
        <p className="archive-error" role="alert" data-testid="delete-refused">
          {/* The core's sentence names what is missing, in the panel's language; a line of its own said it twice. */}
          {check.reason !== null ? say(check.reason, check.reasonI18n) : check.missing.length ? t('archive.danger.missing', { permissions: check.missing.join(', ') }) : null}
        </p>
      )}
      {check?.allowed && !running && (
        <form className="archive-form" onSubmit={(e) => void submit(e)}>
          <label>
            {t('archive.danger.phrase', { phrase: DELETE_PHRASE })}
            <input value={phrase} onChange={(e) => setPhrase(e.target.value)} autoComplete="off" spellCheck={false} data-testid="delete-phrase" />
          </label>
          <label>
            {t('archive.danger.channel', { name })}
            <input value={channelName} onChange={(e) => setChannelName(e.target.value)} autoComplete="off" spellCheck={false} data-testid="delete-channel" />
          </label>
          <label className="archive-check">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="delete-acknowledge" />
            {t('archive.danger.acknowledge')}
          </label>
          <button type="submit" className="button button--danger" disabled={!ready} data-testid="delete-start">
            {t('archive.danger.start')}
          </button>
        </form>
      )}
      {error && <p className="archive-error" role="alert">{error}</p>}
    </section>
  );
}
