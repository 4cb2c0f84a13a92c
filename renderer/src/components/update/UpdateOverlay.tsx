// The update as it happens: cannot be closed while it runs; says how it ended; stays up through
// the restart, when the WebSocket drops and the page reconnects and reloads by itself.
import { useTranslation } from 'react-i18next';
import type { UpdateRun, UpdateView } from '../../../../shared/types';
import type { ReconnectPhase } from '../../hooks/useReconnect';
import { useNow } from '../../hooks/useNow';
import { useRestart } from '../../hooks/useRestart';
import { useCoreText } from '../../i18n/core-text';
import { formatSeconds } from '../../lib/format';
import { currentStep, elapsedMs, failedSteps, isActive, shortHash } from '../../lib/update';
import { ConnectionText } from '../ConnectionBanner';
import { Icon, Spinner } from '../Icon';
import { Modal } from '../Modal';
import { UpdateSteps } from './UpdateSteps';

interface Props {
  open: boolean;
  view: UpdateView | null;
  receivedAt: number;
  connection: ReconnectPhase;
  reload: () => void;
  onClose: () => void;
}

export function UpdateOverlay({ open, view, receivedAt, connection, reload, onClose }: Props) {
  const run = view?.run ?? null;
  const running = isActive(run);
  return (
    <Modal
      open={open}
      onDismiss={running ? undefined : onClose}
      focusKey={run?.outcome}
      className="dialog update-overlay"
      data-testid="update-overlay"
      data-outcome={run?.outcome ?? 'pending'}
      role="dialog"
      aria-labelledby="update-overlay-title"
    >
      <OverlayContent view={view} run={run} receivedAt={receivedAt} connection={connection} reload={reload} onClose={onClose} />
    </Modal>
  );
}

interface ContentProps extends Omit<Props, 'open' | 'view'> {
  view: UpdateView | null;
  run: UpdateRun | null;
}

function OverlayContent({ view, run, receivedAt, connection, reload, onClose }: ContentProps) {
  const { t } = useTranslation();
  const say = useCoreText();
  const running = isActive(run);
  const now = useNow(1000);
  const outcome = run?.outcome ?? 'pending';
  const failed = run ? failedSteps(run) : [];
  const restart = useRestart();

  return (
    <div className="dialog__content update-overlay__content">
      <header className="dialog__header">
        <h2 id="update-overlay-title" tabIndex={-1} data-initial-focus={running || !run ? '' : undefined}>
          {outcome === 'running' || outcome === 'restarting' ? <Spinner /> : null}
          {t(`update.overlay.title.${outcome}`)}
        </h2>
        {!running && (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('update.overlay.close')}>
            <Icon name="close" />
          </button>
        )}
      </header>

      {run && (
        <p className="update-overlay__versions">
          <code title={run.from}>{shortHash(run.from)}</code> → <code title={run.to}>{shortHash(run.to)}</code>
        </p>
      )}

      {run?.outcome === 'running' && <Progress run={run} view={view} now={now} />}
      {run?.outcome === 'restarting' && (
        <p className="update-overlay__hint" role="status">
          {t('update.overlay.restartingHint')}
        </p>
      )}

      {(outcome === 'rolled-back' || outcome === 'failed') && run && (
        <div className="update-overlay__failure" data-testid="update-failure" role="alert">
          {failed.length > 0 && (
            <p className="update-overlay__failed-at">
              {t('update.overlay.failedAt', { step: failed.map((s) => t(`update.step.${s.step}`)).join(', ') })}
            </p>
          )}
          <p>{say(run.message, run.i18n?.message)}</p>
        </div>
      )}
      {outcome === 'restart-needed' && run && (
        <div className="update-overlay__done" role="status">
          <p>{restart.state.kind === 'restarting' ? t('update.restart.started') : say(run.message, run.i18n?.message)}</p>
          {restart.state.kind === 'error' && (
            <p className="update-overlay__error" role="alert">
              {t('update.restart.failed', { message: restart.state.message })}
            </p>
          )}
        </div>
      )}

      {/* The socket drops during a restart (or a crash): the banner's news, here where it is seen. */}
      {connection.kind !== 'online' && connection.kind !== 'unauthorized' && (
        <div className="update-overlay__connection" data-testid="update-connection" data-phase={connection.kind}>
          {connection.kind === 'failed' ? (
            <>
              <p role="alert">{t('connection.failed')}</p>
              <button type="button" className="button button--primary button--small" onClick={reload}>
                {t('connection.reload')}
              </button>
            </>
          ) : (
            <ConnectionText phase={connection} />
          )}
        </div>
      )}

      {run ? (
        <UpdateSteps key={run.startedAt} run={run} receivedAt={receivedAt} now={now} />
      ) : (
        <p className="update-overlay__hint">{t('update.overlay.waiting')}</p>
      )}

      {!running && (
        <div className="dialog__actions">
          {outcome === 'restart-needed' && restart.state.kind !== 'restarting' ? (
            <>
              <button type="button" className="button button--ghost" onClick={onClose}>
                {t('update.overlay.later')}
              </button>
              <button
                type="button"
                className="button button--primary"
                data-testid="restart-now"
                data-initial-focus
                onClick={() => void restart.restart()}
                disabled={restart.state.kind === 'pending'}
                aria-busy={restart.state.kind === 'pending' || undefined}
              >
                {restart.state.kind === 'pending' && <Spinner />}
                {restart.state.kind === 'pending' ? t('update.restart.pending') : t('update.restart.now')}
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary" data-initial-focus onClick={onClose}>
              {t('update.overlay.close')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** "Step 4 of 11: Rebuild", elapsed time and what is left of the estimate. */
function Progress({ run, view, now }: { run: UpdateRun; view: UpdateView | null; now: number }) {
  const { t, i18n } = useTranslation();
  const elapsed = elapsedMs(run, now);
  const estimate = view?.estimate ?? null;
  const remaining = estimate ? estimate.ms - elapsed : null;
  const current = currentStep(run);
  const format = (ms: number) => formatSeconds(ms, t, i18n.language, { precise: false });
  return (
    <div className="update-overlay__progress">
      {/* Announced when the step changes, not at every log line or tick. */}
      <p className="update-overlay__step" role="status">
        {current
          ? t('update.overlay.stepOf', { index: current.ordinal, total: run.steps.length, label: t(`update.step.${current.step.step}`) })
          : t('update.overlay.waiting')}
      </p>
      <p className="update-overlay__timing" data-testid="update-timing">
        <span>{t('update.overlay.elapsed', { duration: format(elapsed) })}</span>
        {remaining !== null && (
          <span>{remaining >= 1000 ? t('update.overlay.remaining', { duration: format(remaining) }) : t('update.overlay.overdue')}</span>
        )}
      </p>
    </div>
  );
}
