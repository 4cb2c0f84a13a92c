// One button whose label, colour and command follow the bot's state, so the next step is obvious.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotStatus } from '../../../shared/types';
import { errorMessage, useApi } from '../api-context';
import { useCoreText } from '../i18n/core-text';
import { Spinner } from './Icon';

interface Props {
  status: BotStatus | null;
  onStatus: (status: BotStatus) => void;
  onOpenSettings: () => void;
}

export function PrimaryAction({ status, onStatus, onOpenSettings }: Props) {
  const { t } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // Commands return the new status; apply it at once rather than waiting for the event.
  const run = async (command: () => Promise<BotStatus>) => {
    setPending(true);
    setFailure(null);
    try {
      onStatus(await command());
    } catch (error) {
      setFailure(errorMessage(error, say));
    } finally {
      setPending(false);
    }
  };
  const start = () => void run(() => api.bot.start());
  const stop = () => void run(() => api.bot.stop());

  const state = status?.state;
  const busy = pending || state === 'connecting' || !status;
  const button = (action: string, label: string, variant: string, onClick?: () => void) => (
    <button
      type="button"
      className={`button button--${variant}`}
      data-testid="primary-action"
      data-action={action}
      onClick={onClick}
      disabled={busy}
      aria-busy={busy || undefined}
    >
      {busy && <Spinner />}
      {label}
    </button>
  );

  return (
    <div className="primary-action">
      {state === 'not-configured' && button('configure', t('actions.configure'), 'primary', onOpenSettings)}
      {state === 'ready' && button('start', t('actions.start'), 'success', start)}
      {!status && button('loading', t('status.loading'), 'neutral')}
      {state === 'connecting' && button('connecting', t('actions.connecting'), 'neutral')}
      {state === 'connected' && button('stop', t('actions.stop'), 'danger', stop)}
      {state === 'error' && (
        <>
          {button('retry', t('actions.retry'), 'primary', start)}
          <button type="button" className="button button--ghost" onClick={onOpenSettings}>
            {t('actions.openSettings')}
          </button>
        </>
      )}
      {failure && (
        <p className="primary-action__error" role="alert">
          {t('actions.failed', { message: failure })}
        </p>
      )}
    </div>
  );
}
