// Start on login and start hidden apply at once, like the tray's checkbox; shown only where the app
// can do them (the desktop app — headless mode leaves starting to the service manager).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';
import { useCoreText } from '../../i18n/core-text';

export function StartOnLogin({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const [state, setState] = useState<{ supported: boolean; enabled: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.app
      .startOnLogin()
      .then((s) => live && setState(s))
      .catch(() => live && setState({ supported: false, enabled: false }));
    return () => {
      live = false;
    };
  }, [api]);

  if (!state?.supported) return null;
  const toggle = async (enabled: boolean) => {
    setError(null);
    try {
      setState(await api.app.setStartOnLogin({ enabled }));
    } catch (err) {
      setError(errorMessage(err, say));
    }
  };
  const setHidden = async (startHidden: boolean) => {
    setError(null);
    try {
      onSaved(await api.settings.save({ startHidden }));
    } catch (err) {
      setError(errorMessage(err, say));
    }
  };
  return (
    <>
    <div className="field field--checkbox">
      <input id="settings-startOnLogin" type="checkbox" checked={state.enabled} onChange={(e) => void toggle(e.target.checked)} aria-describedby="settings-startOnLogin-help" />
      <label htmlFor="settings-startOnLogin">{t('settings.startOnLogin')}</label>
      <p id="settings-startOnLogin-help" className="field__help">
        {t('settings.startOnLoginHelp')}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
    <div className="field field--checkbox">
      <input id="settings-startHidden" type="checkbox" checked={view.startHidden} onChange={(e) => void setHidden(e.target.checked)} />
      <label htmlFor="settings-startHidden">{t('settings.startHidden')}</label>
    </div>
    </>
  );
}
