import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/types';
import { useApi } from '../api-context';

export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    api.app.info().then(
      (i) => live && setInfo(i),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}
