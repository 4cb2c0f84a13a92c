import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ChatMessage } from '../../../shared/types';
import { useApi, errorSentence, type ErrorSentence } from '../api-context';
import { useCoreText } from '../i18n/core-text';
import { LiveBatches } from '../lib/live-batches';
import { initialMessages, messagesReducer, type MessagesAction } from '../lib/messages';
import { messagesSkipped } from '../../../shared/live-flow';

/** Rows per page read from the store (the server allows up to 500). */
export const PAGE = 100;
const FIRST_PAGE = 200;

export type JumpTarget = { around: string } | { at: number };

/**
 * The channel's messages: the newest page, then live creates (applied once per frame, and ten times a
 * second during a burst: live-batches.ts), edits and deletions; older and newer pages on demand; jumps to
 * a message or a date and back to the present.
 */
export function useMessages() {
  const api = useApi();
  const [state, dispatch] = useReducer(messagesReducer, initialMessages);
  const say = useCoreText();
  const [loadError, setLoadError] = useState<ErrorSentence | null>(null);
  const loading = useRef(false);
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    let live = true;
    // A live change is on screen when the task that received it ends, not in a later task of React's: a
    // scroll gesture in between (the first wheel turn up lets go of following) would act on the old rows,
    // and the change, applied after it as if still following (updates apply in order), would replace the
    // window under the reader (a skipped notice restarts it at the newest) and drop them to its end.
    // The changes of one task (a frame of events: a bulk deletion is a hundred) render once, in a microtask:
    // still before any other task.
    const queued: MessagesAction[] = [];
    const now = (action: MessagesAction) => {
      if (!queued.length) queueMicrotask(() => flushSync(() => queued.splice(0).forEach(dispatch)));
      queued.push(action);
    };
    const batches = new LiveBatches<ChatMessage>((messages) => now({ type: 'createdMany', messages }));
    const flush = () => batches.flush();
    // Subscribe before fetching so nothing sent in between is lost; the reducer merges both.
    const offs = [
      api.on('message.created', (message) => batches.push(message)),
      api.on('message.updated', (message) => {
        flush();
        now({ type: 'updated', message });
      }),
      api.on('message.deleted', ({ id }) => {
        flush();
        now({ type: 'deleted', id });
      }),
      // The panel was behind: one notice for the messages it was not sent (WebSocket panels only).
      api.on('message.skipped', (payload) => {
        flush();
        const notice = messagesSkipped.safeParse(payload);
        if (notice.success) return now({ type: 'skipped', ...notice.data });
        // Not what the contract says: the window cannot be trusted to be whole, so the present is read again.
        void api.messages.list({ limit: FIRST_PAGE }).then((messages) => live && dispatch({ type: 'window', messages, hasOlder: messages.length === FIRST_PAGE, atLatest: true }), () => undefined);
      }),
    ];
    api.messages.list({ limit: FIRST_PAGE }).then(
      (messages) => {
        if (!live) return;
        setLoadError(null);
        dispatch({ type: 'loaded', messages, hasOlder: messages.length === FIRST_PAGE });
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(errorSentence(error));
        dispatch({ type: 'loaded', messages: [], hasOlder: false });
      },
    );
    return () => {
      live = false;
      batches.close();
      offs.forEach((off) => off());
    };
  }, [api]);

  // The list is the configured channel's: another channel saved in the settings (the bot reconnects to
  // it) shows that channel's messages, which it kept hiding until a reload.
  useEffect(() => {
    let live = true;
    let channel: string | null = null;
    void api.settings.get().then((view) => live && channel === null && (channel = view.channelId), () => undefined);
    const off = api.on('settings.changed', (view) => {
      const before = channel;
      channel = view.channelId;
      if (before === null || before === view.channelId) return;
      void api.messages.list({ limit: FIRST_PAGE }).then((messages) => live && dispatch({ type: 'window', messages, hasOlder: messages.length === FIRST_PAGE, atLatest: true }), () => undefined);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  // A skipped notice out of order (messages.ts): the window is read again from the store, the truth.
  useEffect(() => {
    if (!state.rereadPresent) return;
    let live = true;
    void api.messages.list({ limit: FIRST_PAGE }).then((messages) => live && dispatch({ type: 'window', messages, hasOlder: messages.length === FIRST_PAGE, atLatest: true }), () => undefined);
    return () => void (live = false);
  }, [api, state.rereadPresent]);

  /** Runs one page load at a time; a failure is shown like the first load's. */
  const load = useCallback(async (run: () => Promise<void>) => {
    if (loading.current) return;
    loading.current = true;
    try {
      await run();
      setLoadError(null);
    } catch (error) {
      setLoadError(errorSentence(error));
    } finally {
      loading.current = false;
    }
  }, []);

  const loadOlder = useCallback(
    () =>
      load(async () => {
        const first = current.current.items[0];
        if (!first || !current.current.hasOlder) return;
        const messages = await api.messages.list({ limit: PAGE, before: first.id });
        dispatch({ type: 'older', messages, hasOlder: messages.length === PAGE });
      }),
    [api, load],
  );

  const loadNewer = useCallback(
    () =>
      load(async () => {
        const last = current.current.items.at(-1);
        if (!last || current.current.atLatest) return;
        const messages = await api.messages.list({ limit: PAGE, after: last.id });
        dispatch({ type: 'newer', messages, atLatest: messages.length < PAGE });
      }),
    [api, load],
  );

  /** Shows the stored messages around a message or an instant; answers the message to bring into view. */
  const jump = useCallback(
    async (target: JumpTarget): Promise<string | null> => {
      let focus: string | null = null;
      await load(async () => {
        const messages = await api.messages.list({ limit: PAGE, ...target });
        const half = Math.floor(PAGE / 2);
        // The server answers up to `half` older messages, then the target and newer ones.
        const older = messages.filter((m, i) => i < half && ('around' in target ? m.id !== target.around : m.createdAt < target.at));
        focus = ('around' in target ? messages.find((m) => m.id === target.around)?.id : messages[older.length]?.id) ?? messages.at(-1)?.id ?? null;
        const newerCount = messages.length - older.length;
        dispatch({ type: 'window', messages, hasOlder: older.length === half, atLatest: newerCount < PAGE - older.length });
      });
      return focus;
    },
    [api, load],
  );

  const jumpToPresent = useCallback(
    () =>
      load(async () => {
        const messages = await api.messages.list({ limit: FIRST_PAGE });
        dispatch({ type: 'window', messages, hasOlder: messages.length === FIRST_PAGE, atLatest: true });
      }),
    [api, load],
  );

  const setFollowing = useCallback((value: boolean) => dispatch({ type: 'following', value }), []);

  return { ...state, loadError: loadError && say(loadError.text, loadError.i18n), loadOlder, loadNewer, jump, jumpToPresent, setFollowing };
}
