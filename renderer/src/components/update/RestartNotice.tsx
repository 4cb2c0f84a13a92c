// The code on disk is newer than what runs (automatic restart off, or it failed): until restarted.
import { useTranslation } from 'react-i18next';
import { useRestart } from '../../hooks/useRestart';
import { Spinner } from '../Icon';

export function RestartNotice() {
  const { t } = useTranslation();
  const { state, restart } = useRestart();
  return (
    <div className="banner banner--info restart-notice" data-testid="restart-needed" role="status">
      {state.kind === 'restarting' && <Spinner />}
      <p>{state.kind === 'restarting' ? t('update.restart.started') : t('update.restart.needed')}</p>
      {state.kind === 'error' && (
        <p className="restart-notice__error" role="alert">
          {t('update.restart.failed', { message: state.message })}
        </p>
      )}
      {state.kind !== 'restarting' && (
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void restart()}
          disabled={state.kind === 'pending'}
          aria-busy={state.kind === 'pending' || undefined}
        >
          {state.kind === 'pending' && <Spinner />}
          {state.kind === 'pending' ? t('update.restart.pending') : t('update.restart.now')}
        </button>
      )}
    </div>
  );
}
