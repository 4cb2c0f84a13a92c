// Browser mode only: says when the link to the server is lost and brings it back by itself.
import { useTranslation } from 'react-i18next';
import type { ReconnectPhase } from '../hooks/useReconnect';
import { Spinner } from './Icon';

interface Props {
  /** From useConnection(), shared with the update overlay. */
  phase: ReconnectPhase;
  reload: () => void;
}

export function ConnectionBanner({ phase, reload }: Props) {
  const { t } = useTranslation();

  // 'unauthorized' replaces the whole panel with the token screen.
  if (phase.kind === 'online' || phase.kind === 'unauthorized') return null;
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
      <ConnectionText phase={phase} />
    </div>
  );
}

/** "Connection lost — reconnecting… Reconnection attempt 2/10…", or "Reconnected! Reloading…". */
export function ConnectionText({ phase }: { phase: Extract<ReconnectPhase, { kind: 'reconnecting' } | { kind: 'reloading' }> }) {
  const { t } = useTranslation();
  return phase.kind === 'reloading' ? (
    <p>{t('connection.reconnected')}</p>
  ) : (
    <p>
      <strong>{t('connection.lost')}</strong> {phase.attempt > 0 && t('connection.attempt', { attempt: phase.attempt, total: phase.total })}
    </p>
  );
}
