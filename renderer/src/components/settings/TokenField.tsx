// The token is write-only: the page only ever learns whether one is set and its last four
// characters, so the field starts empty and "empty" means "keep the current token".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/types';
import { errorSentence, useApi, type ErrorSentence } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';
import { TextField } from './Field';

interface Props {
  view: SettingsView;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error: string | undefined;
  envVar: string | undefined;
  onSaved: (view: SettingsView) => void;
}

export function TokenField({ view, value, onChange, onBlur, error, envVar, onSaved }: Props) {
  const { t } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<ErrorSentence | null>(null);
  const { token } = view;

  const placeholder = token.set
    ? t('settings.tokenPlaceholderSet', { last4: token.last4 ?? '' })
    : t('settings.tokenPlaceholderEmpty');

  // Removing is its own command (token: null) rather than part of Save, so it can't be
  // confused with "left empty = keep".
  const remove = async () => {
    setRemoving(true);
    setRemoveError(null);
    try {
      onSaved(await api.settings.save({ token: null }));
    } catch (e) {
      setRemoveError(errorSentence(e));
    } finally {
      setRemoving(false);
    }
  };

  const canRemove = token.set && token.source === 'stored' && !envVar;
  return (
    <>
      <TextField
        id="settings-token"
        label={t('settings.token')}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        placeholder={placeholder}
        help={token.set ? t('settings.tokenHelp') : undefined}
        error={error ?? (removeError ? say(removeError.text, removeError.i18n) : undefined)}
        envVar={envVar}
        initialFocus
        addon={
          canRemove && (
            <button type="button" className="button button--ghost button--small" onClick={() => void remove()} disabled={removing}>
              {t('settings.removeToken')}
            </button>
          )
        }
      />
      {token.warning && (
        <p className="field__warning" role="note">
          {say(token.warning, token.i18n?.warning)}
        </p>
      )}
    </>
  );
}
