import { useState } from 'react';
import { errorSentence, useApi, type ErrorSentence } from '../api-context';
import { useCoreText } from '../i18n/core-text';

export type RestartState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'restarting' } | { kind: 'error'; message: string };

/** "Restart now" after an update that could not restart by itself: the connection drop follows. */
export function useRestart() {
  const api = useApi();
  const say = useCoreText();
  const [state, setState] = useState<RestartState | { kind: 'failed'; error: ErrorSentence }>({ kind: 'idle' });
  const restart = async () => {
    setState({ kind: 'pending' });
    try {
      await api.app.restart();
      setState({ kind: 'restarting' });
    } catch (error) {
      setState({ kind: 'failed', error: errorSentence(error) });
    }
  };
  // Said at render, so the refusal follows the panel's language.
  const shown: RestartState = state.kind === 'failed' ? { kind: 'error', message: say(state.error.text, state.error.i18n) } : state;
  return { state: shown, restart };
}
