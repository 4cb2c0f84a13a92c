// Browser mode only: says when the link to the server is lost and brings it back by itself.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api-context';
import { useReconnect, type ConnectionSource } from '../hooks/useReconnect';
import { Spinner } from './Icon';

const reloadPage = () => location.reload();

interface Props {
  transport: ConnectionSource;
  /** Injected by tests: jsdom cannot reload. */
  reload?: () => void;
}

export function ConnectionBanner({ transport, reload = reloadPage }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  // A fresh command makes the bridge open a new socket, so it doubles as the reconnection.
  const probe = useCallback(() => api.app.info(), [api]);
  const phase = useReconnect(transport, probe, reload);

  if (phase.kind === 'online') return null;
  if (phase.kind === 'failed') {
    return (
      <div className="banner banner--error" data-testid="connection-banner" data-phase="failed" role="alert">
        <p>{t('connection.failed')}</p>
        <button type="button" className="button button--primary button--small" onClick={reload}>
          {t('connection.reload')}
        </button>
      </div>
    );
  }
  return (
    <div className="banner banner--warning" data-testid="connection-banner" data-phase={phase.kind} role="status" aria-live="polite">
      <Spinner />
      {phase.kind === 'reloading' ? (
        <p>{t('connection.reconnected')}</p>
      ) : (
        <p>
          <strong>{t('connection.lost')}</strong>{' '}
          {phase.attempt > 0 && t('connection.attempt', { attempt: phase.attempt, total: phase.total })}
        </p>
      )}
    </div>
  );
}
