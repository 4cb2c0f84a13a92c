import { useEffect, useReducer, useState } from 'react';
import { initialMessages, messagesReducer } from '../lib/messages';
import { useApi, errorMessage } from '../api-context';

/** The first page of the channel, then live creates, edits and deletions. */
export function useMessages() {
  const api = useApi();
  const [state, dispatch] = useReducer(messagesReducer, initialMessages);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Subscribe before fetching so nothing sent in between is lost; the reducer merges both.
    const offs = [
      api.on('message.created', (message) => dispatch({ type: 'created', message })),
      api.on('message.updated', (message) => dispatch({ type: 'updated', message })),
      api.on('message.deleted', ({ id }) => dispatch({ type: 'deleted', id })),
    ];
    api.messages.list({ limit: 200 }).then(
      (messages) => {
        if (!live) return;
        setLoadError(null);
        dispatch({ type: 'loaded', messages });
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(errorMessage(error));
        dispatch({ type: 'loaded', messages: [] });
      },
    );
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [api]);

  return { ...state, loadError };
}
