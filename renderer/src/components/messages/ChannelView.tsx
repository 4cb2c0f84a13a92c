// The watched channel: its messages, the history panel beside them, the log below, and the footer's count.
// The messages' state lives here, not in the panel: a live message (ten frames a second in a burst)
// redraws this view only, not the top bar, banners and dialogs around it. The log comes in as an element
// from the panel: this view's own renders pass it on unchanged, so React does not draw it again.
import { lazy, memo, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useMessages, type JumpTarget } from '../../hooks/useMessages';
import { Footer } from '../Footer';
import { MessageList } from './MessageList';
import { JUMP_EVENT } from './ReplyPreview';

// Search, jump to date, statistics and backfill load on first use, not with the first screen.
const HistoryPanel = lazy(() => import('../history/HistoryPanel'));
/** The history panel is 440 px wide: at this width or less it hides most of the messages. */
const HISTORY_COVERS_LIST = '(max-width: 880px)';

interface Props {
  configured: boolean;
  historyOpen: boolean;
  onCloseHistory: () => void;
  /** Drawn below the messages (the log). */
  below: ReactNode;
}

export function ChannelView({ configured, historyOpen, onCloseHistory, below }: Props) {
  const messages = useMessages();
  const { jump } = messages;
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const openInContext = useCallback(
    (target: JumpTarget) => void jump(target).then((id) => id && setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }))),
    [jump],
  );
  // Where the history panel covers most of the list (a phone, a narrow window), it steps aside once a
  // result or a date is opened: the message was highlighted behind it and nothing seemed to happen.
  const openFromHistory = useCallback(
    (target: JumpTarget) => {
      openInContext(target);
      if (typeof window.matchMedia === 'function' && window.matchMedia(HISTORY_COVERS_LIST).matches) onCloseHistory();
    },
    [openInContext, onCloseHistory],
  );
  // A reply's quote whose original is not in the list asks for it (ReplyPreview): open it in context.
  useEffect(() => {
    const onJump = (e: Event) => {
      const id = (e as CustomEvent<{ id?: unknown }>).detail?.id;
      if (typeof id === 'string') openInContext({ around: id });
    };
    window.addEventListener(JUMP_EVENT, onJump);
    return () => window.removeEventListener(JUMP_EVENT, onJump);
  }, [openInContext]);

  return (
    <>
      <main className="main">
        <MessageList
          messages={messages.items}
          received={messages.received}
          loaded={messages.loaded}
          loadError={messages.loadError}
          configured={configured}
          hasOlder={messages.hasOlder}
          atLatest={messages.atLatest}
          onLoadOlder={() => void messages.loadOlder()}
          onLoadNewer={() => void messages.loadNewer()}
          onFollowing={messages.setFollowing}
          onJumpToPresent={messages.jumpToPresent}
          focus={focus}
        />
        {historyOpen && <History onOpen={openFromHistory} onClose={onCloseHistory} />}
        {below}
      </main>
      <Footer received={messages.received} />
    </>
  );
}

/** The history panel, not drawn again by live messages (its callbacks are stable). */
const History = memo(function History({ onOpen, onClose }: { onOpen: (target: JumpTarget) => void; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <HistoryPanel onOpen={onOpen} onClose={onClose} />
    </Suspense>
  );
});
