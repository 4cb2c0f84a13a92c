// Always in the header: says whether an update is there and leads to it (the original v2.2 button).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState, UpdateView } from '../../../../shared/types';
import { errorMessage } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { useNow } from '../../hooks/useNow';
import { formatDuration } from '../../lib/format';
import { Icon, Spinner } from '../Icon';

type ButtonState = UpdateState | 'unknown';

interface Props {
  view: UpdateView | null;
  /** Why the update status could not be loaded. */
  loadError: string | null;
  onCheck: () => Promise<unknown>;
  onConfirm: () => void;
  onShowProgress: () => void;
}

export function UpdateButton({ view, loadError, onCheck, onConfirm, onShowProgress }: Props) {
  const { t } = useTranslation();
  const say = useCoreText();
  const now = useNow(15_000);
  const [checking, setChecking] = useState(false);
  // A refused check shows as an error until the next view arrives.
  const [failure, setFailure] = useState<{ message: string; view: UpdateView | null } | null>(null);
  const failed = failure !== null && failure.view === view;

  const state: ButtonState = checking ? 'checking' : failed ? 'error' : (view?.state ?? 'unknown');
  const busy = state === 'checking' || state === 'updating';
  const inert = state === 'disabled' || state === 'unknown';

  const check = async () => {
    setChecking(true);
    setFailure(null);
    try {
      await onCheck();
    } catch (error) {
      setFailure({ message: errorMessage(error, say), view });
    } finally {
      setChecking(false);
    }
  };

  const onClick = () => {
    if (state === 'available') onConfirm();
    else if (state === 'up-to-date' || state === 'error') void check();
    else if (state === 'updating') onShowProgress();
  };

  const tooltip = (() => {
    switch (state) {
      case 'available':
        return t('update.button.tooltip.available', { count: view?.count ?? 0 });
      case 'disabled':
        return view?.disabled ? t(`update.button.disabled.${view.disabled.envVar ? 'env' : view.disabled.reason}`, { envVar: view.disabled.envVar }) : view?.message || t('update.button.label.disabled');
      case 'error':
        return (failed ? failure.message : view && say(view.message, view.i18n?.message)) || t(`update.button.label.${state}`);
      case 'unknown':
        return loadError ?? t('update.button.tooltip.unknown');
      default:
        return t(`update.button.tooltip.${state}`);
    }
  })();

  const checkedAt = view?.checkedAt ?? null;
  const checked =
    state === 'up-to-date' && checkedAt !== null
      ? now - checkedAt < 10_000
        ? t('update.button.checkedJustNow')
        : t('update.button.checkedAgo', { duration: formatDuration(now - checkedAt, t) })
      : null;

  return (
    <button
      type="button"
      className={`update-button update-button--${state}`}
      data-testid="update-button"
      data-state={state}
      title={tooltip}
      aria-disabled={inert || undefined}
      aria-busy={busy || undefined}
      aria-haspopup={state === 'available' || state === 'updating' ? 'dialog' : undefined}
      onClick={onClick}
    >
      {busy ? <Spinner /> : <Icon name={state === 'error' ? 'warning' : 'update'} />}
      <span className="update-button__text">
        <span className="update-button__label">{t(`update.button.label.${state}`)}</span>
        {checked && <span className="update-button__meta">{checked}</span>}
      </span>
      {state === 'available' && view && (
        <>
          <span className="update-button__badge" data-testid="update-badge" aria-hidden="true">
            {view.count}
          </span>
          <span className="visually-hidden">{t('update.button.badge', { count: view.count })}</span>
        </>
      )}
    </button>
  );
}
