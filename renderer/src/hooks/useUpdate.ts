import { useCallback, useEffect, useRef, useState } from 'react';
import type { UpdateView } from '../../../shared/types';
import { errorSentence, useApi, type ErrorSentence } from '../api-context';
import { useCoreText } from '../i18n/core-text';

export interface UpdateSnapshot {
  view: UpdateView;
  /** Local time the view arrived: a running step's duration keeps growing from there. */
  receivedAt: number;
}

/**
 * The self-update state: fetched once, then replaced by every `update.status` event (the server
 * sends the whole view at each change, progress and log lines included).
 *
 * Events are the source of truth. A command's reply is applied only when no event arrived while
 * it was in flight: the server announces every change it makes, so such an event is at least as
 * recent, and a late reply (the run starts emitting progress before it answers) would step back.
 */
export function useUpdate() {
  const api = useApi();
  const [snapshot, setSnapshot] = useState<UpdateSnapshot | null>(null);
  const say = useCoreText();
  const [loadError, setLoadError] = useState<ErrorSentence | null>(null);
  const events = useRef(0);

  const show = useCallback((view: UpdateView) => setSnapshot({ view, receivedAt: Date.now() }), []);

  useEffect(() => {
    let live = true;
    const off = api.on('update.status', (view) => {
      events.current++;
      show(view);
    });
    const seen = events.current;
    api.update.status().then(
      (view) => {
        if (!live) return;
        setLoadError(null);
        if (events.current === seen) show(view);
      },
      (error: unknown) => live && setLoadError(errorSentence(error)),
    );
    return () => {
      live = false;
      off();
    };
  }, [api, show]);

  const apply = useCallback(
    async (command: () => Promise<UpdateView>): Promise<UpdateView> => {
      const seen = events.current;
      const view = await command();
      if (events.current === seen) show(view);
      return view;
    },
    [show],
  );

  const check = useCallback(() => apply(() => api.update.check()), [api, apply]);
  const run = useCallback((target: string) => apply(() => api.update.run({ target })), [api, apply]);

  return { view: snapshot?.view ?? null, receivedAt: snapshot?.receivedAt ?? 0, loadError: loadError && say(loadError.text, loadError.i18n), check, run };
}

export type UpdateControls = ReturnType<typeof useUpdate>;
