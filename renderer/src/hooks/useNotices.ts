import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../../shared/types';
import { useApi } from '../api-context';

/** The core's notices (kept until dismissed), live: another tab or the tray may dismiss one. */
export function useNotices() {
  const api = useApi();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let live = true;
    const off = api.on('notices.changed', (list) => setNotices(list));
    api.app.notices().then(
      (list) => live && setNotices(list),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);

  /** Resolves once the core has forgotten it; rejects (and the notice stays) if it could not. */
  const dismiss = useCallback(async (id: string) => setNotices(await api.app.dismissNotice({ id })), [api]);

  return { notices, dismiss };
}
