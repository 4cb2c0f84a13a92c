import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../../shared/types';
import { useApi } from '../api-context';

/** Settings as the server shows them (never the token itself), kept fresh by `settings.changed`. */
export function useSettings() {
  const api = useApi();
  const [settings, setSettings] = useState<SettingsView | null>(null);

  useEffect(() => {
    let live = true;
    let pushed = false;
    const off = api.on('settings.changed', (view) => {
      pushed = true;
      setSettings(view);
    });
    api.settings.get().then(
      (view) => live && !pushed && setSettings(view),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);

  // Opening the dialog refreshes them, in case the first fetch failed (backend not up yet).
  const refresh = useCallback(() => {
    api.settings.get().then(setSettings, () => undefined);
  }, [api]);

  return { settings, setSettings, refresh };
}
