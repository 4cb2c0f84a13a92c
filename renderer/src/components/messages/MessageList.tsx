// The channel feed, newest at the bottom. Windowed with @tanstack/react-virtual so only the
// visible messages are in the DOM; it follows new messages while the user is at the bottom and
// offers an "N new messages" pill when they scrolled up to read.
import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { Icon } from '../Icon';
import { MessageItem } from './MessageItem';

/** Within this many pixels of the end counts as "at the bottom" (a rounding-proof margin). */
const NEAR_BOTTOM_PX = 48;

interface Props {
  messages: ChatMessage[];
  /** Live messages received so far; the difference since leaving the bottom is the unread count. */
  received: number;
  loaded: boolean;
  loadError: string | null;
  configured: boolean;
}

export function MessageList({ messages, received, loaded, loadError, configured }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [receivedWhenLeft, setReceivedWhenLeft] = useState(0);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    getItemKey: (i) => messages[i]!.id,
    overscan: 8,
    // Chat semantics: keep the reading position when items change above it, and stick to the
    // end on append while already there.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: NEAR_BOTTOM_PX,
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    if (near === atBottom) return;
    setAtBottom(near);
    if (!near) setReceivedWhenLeft(received);
  };

  const jumpToLatest = () => {
    virtualizer.scrollToEnd();
    setAtBottom(true);
  };

  const unread = atBottom ? 0 : received - receivedWhenLeft;
  const items = virtualizer.getVirtualItems();
  const empty = loaded && !loadError && messages.length === 0;

  return (
    <div className="messages">
      {loadError && (
        <p className="messages__error" role="alert">
          {t('messages.loadFailed', { message: loadError })}
        </p>
      )}
      <div
        ref={scrollRef}
        className="message-list"
        data-testid="message-list"
        onScroll={onScroll}
        role="feed"
        aria-label={t('messages.label')}
        aria-busy={!loaded}
        // Focusable so the keyboard can scroll it.
        tabIndex={0}
      >
        {!loaded && <p className="messages__placeholder">{t('messages.loading')}</p>}
        {empty && <p className="messages__placeholder">{configured ? t('messages.empty') : t('messages.emptyNotConfigured')}</p>}
        <div className="message-list__inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <MessageItem
              key={item.key}
              ref={virtualizer.measureElement}
              message={messages[item.index]!}
              index={item.index}
              total={messages.length}
              style={{ transform: `translateY(${item.start}px)` }}
            />
          ))}
        </div>
      </div>
      <div className="new-messages" aria-live="polite">
        {unread > 0 && (
          <button type="button" className="new-messages__pill" onClick={jumpToLatest}>
            {t('messages.newMessages', { count: unread })}
            <Icon name="down" size={16} />
          </button>
        )}
      </div>
    </div>
  );
}
