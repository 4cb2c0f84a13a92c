import { useState } from 'react';
import { errorMessage, useApi } from '../api-context';

export type RestartState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'restarting' } | { kind: 'error'; message: string };

/** "Restart now" after an update that could not restart by itself: the connection drop follows. */
export function useRestart() {
  const api = useApi();
  const [state, setState] = useState<RestartState>({ kind: 'idle' });
  const restart = async () => {
    setState({ kind: 'pending' });
    try {
      await api.app.restart();
      setState({ kind: 'restarting' });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  return { state, restart };
}
