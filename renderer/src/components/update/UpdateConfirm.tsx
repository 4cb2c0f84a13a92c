// "Update now?" with exactly what will happen: the commits, the steps, the local changes set
// aside and how long it takes (the original v2.3.1 dialog, with the facts filled in).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateView } from '../../../../shared/types';
import { errorMessage } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { formatSeconds } from '../../lib/format';
import { planItems, shortHash } from '../../lib/update';
import { Icon, Spinner } from '../Icon';
import { Modal } from '../Modal';
import { BuildPlan } from './BuildPlan';
import { CommitList } from './CommitList';
import { LocalCommits } from './SetAside';

interface Props {
  open: boolean;
  view: UpdateView | null;
  onClose: () => void;
  /** Starts the update on the confirmed commit; rejects when the server refuses. */
  onRun: (target: string) => Promise<unknown>;
}

export function UpdateConfirm({ open, view, onClose, onRun }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <Modal
      open={open && view !== null}
      onDismiss={pending ? undefined : onClose}
      className="dialog update-confirm"
      data-testid="update-confirm"
      aria-labelledby="update-confirm-title"
      aria-describedby="update-confirm-intro"
    >
      {view && <ConfirmContent view={view} onClose={onClose} onRun={onRun} pending={pending} setPending={setPending} />}
    </Modal>
  );
}

interface ContentProps {
  view: UpdateView;
  onClose: () => void;
  onRun: (target: string) => Promise<unknown>;
  pending: boolean;
  setPending: (pending: boolean) => void;
}

function ConfirmContent({ view, onClose, onRun, pending, setPending }: ContentProps) {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  const [error, setError] = useState<string | null>(null);
  const { target, dependencies, estimate, restart, localChanges, commits } = view;
  const from = shortHash(view.current);
  const to = shortHash(target);

  const confirm = async () => {
    if (!target) return;
    setPending(true);
    setError(null);
    try {
      await onRun(target);
      onClose();
    } catch (e) {
      setError(errorMessage(e, say));
    } finally {
      setPending(false);
    }
  };

  const deps = !dependencies
    ? t('update.confirm.plan.depsUnknown')
    : dependencies.changed
      ? t('update.confirm.plan.depsChanged')
      : t('update.confirm.plan.depsSame');
  const duration = estimate && formatSeconds(Math.round(estimate.ms / 1000) * 1000, t, i18n.language, { precise: false });

  return (
    <div className="dialog__content">
      <header className="dialog__header">
        <h2 id="update-confirm-title">{t('update.confirm.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} disabled={pending} aria-label={t('update.confirm.close')}>
          <Icon name="close" />
        </button>
      </header>

      <div className="update-confirm__body">
        <p id="update-confirm-intro">{t('update.confirm.intro', { count: commits.length || view.count, from, to })}</p>
        {commits.length > 0 && <CommitList commits={commits} />}

        <h3 className="update-confirm__heading">{t('update.confirm.planTitle')}</h3>
        <ol className="update-plan" data-testid="update-plan">
          {planItems(view).map((item) => (
            <li key={item} data-item={item}>
              {item === 'stopBot' && t('update.confirm.plan.stopBot')}
              {item === 'code' && (
                <>
                  {t('update.confirm.plan.code')}{' '}
                  <span className="update-plan__detail">
                    <code>{from}</code> → <code>{to}</code>
                  </span>
                </>
              )}
              {item === 'deps' && (
                <>
                  {deps}
                  {/* Only a change has details worth showing; "no change" needs no restating. */}
                  {dependencies?.changed && dependencies.summary && <span className="update-plan__detail"> — {say(dependencies.summary, dependencies.i18n)}</span>}
                </>
              )}
              {item === 'build' && <BuildPlan build={view.build} />}
              {item === 'restart' &&
                (restart.auto
                  ? t('update.confirm.plan.restartAuto', { description: say(restart.description, restart.i18n?.description) })
                  : t('update.confirm.plan.restartManual'))}
            </li>
          ))}
        </ol>
        {restart.auto && restart.problem && (
          <p className="update-confirm__warning" role="alert" data-testid="update-restart-problem">
            {t('update.confirm.plan.restartProblem', { problem: say(restart.problem, restart.i18n?.problem) })}
          </p>
        )}

        {localChanges.length > 0 && (
          <section className="update-confirm__local" data-testid="update-local-changes">
            <h3 className="update-confirm__heading">{t('update.confirm.localTitle')}</h3>
            <p>{t('update.confirm.localIntro', { count: localChanges.length })}</p>
            <ul className="update-local">
              {localChanges.map((line) => (
                <li key={line}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          </section>
        )}

        {view.localCommits && <LocalCommits {...view.localCommits} />}

        {/* Without measured past updates any number would be a guess: say when there will be one. */}
        <p className="update-confirm__estimate" data-testid="update-estimate" data-basis={estimate?.basis ?? 'none'}>
          {estimate && duration
            ? estimate.basis === 'history'
              ? t('update.confirm.estimateHistory', { duration })
              : t('update.confirm.estimateDefault', { duration })
            : t('update.confirm.estimateNone')}
        </p>
        <p className="update-confirm__safety">{t('update.confirm.safety')}</p>
        {!target && <p className="update-confirm__error">{t('update.confirm.noTarget')}</p>}
        {error && (
          <p className="update-confirm__error" role="alert">
            {t('update.confirm.refused', { message: error })}
          </p>
        )}
      </div>

      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose} disabled={pending}>
          {t('update.confirm.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="update-confirm-button"
          data-initial-focus
          onClick={() => void confirm()}
          disabled={pending || !target}
          aria-busy={pending || undefined}
        >
          {pending && <Spinner />}
          {pending ? t('update.confirm.starting') : t('update.confirm.run')}
        </button>
      </div>
    </div>
  );
}
