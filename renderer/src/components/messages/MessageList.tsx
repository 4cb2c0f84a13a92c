// The channel feed, newest at the bottom. Windowed with @tanstack/react-virtual so only the
// visible messages are in the DOM; older pages load from the store when the reader nears the top,
// newer ones when a jumped-to window nears the bottom. It follows new messages while the reader is
// at the bottom; when they scrolled up it keeps their place and counts what arrived meanwhile.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { Icon } from '../Icon';
import { MessageItem } from './MessageItem';

/** Within this many pixels of the end counts as "at the bottom" (a rounding-proof margin). */
const NEAR_BOTTOM_PX = 48;
/** Within this many pixels of the top the next older page is asked for, before the reader gets there. */
const NEAR_TOP_PX = 600;

interface Props {
  messages: ChatMessage[];
  /** Live messages received so far; the difference since leaving the bottom is the unread count. */
  received: number;
  loaded: boolean;
  loadError: string | null;
  configured: boolean;
  hasOlder?: boolean;
  /** False when the window was jumped away from the present. */
  atLatest?: boolean;
  onLoadOlder?: () => void;
  onLoadNewer?: () => void;
  onFollowing?: (following: boolean) => void;
  onJumpToPresent?: () => Promise<void>;
  /** A message to bring into view and mark (a search result, a jump to a date); changes re-scroll. */
  focus?: { id: string; seq: number } | null;
}

export function MessageList({ messages, received, loaded, loadError, configured, hasOlder = false, atLatest = true, onLoadOlder, onLoadNewer, onFollowing, onJumpToPresent, focus = null }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [receivedWhenLeft, setReceivedWhenLeft] = useState(0);
  // Following, for the scroll handler and the pin below without waiting for a render.
  const following = useRef(true);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    getItemKey: (i) => messages[i]!.id,
    overscan: 8,
    // Chat semantics: keep the reading position when items change above it (an older page
    // prepended). Following is pinned below, not left to followOnAppend: its "at the end?" is judged
    // at render time from offsets a re-measure may have moved; once it said no it stopped following.
    anchorTo: 'end',
    followOnAppend: false,
    scrollEndThreshold: NEAR_BOTTOM_PX,
  });

  const follow = (value: boolean) => {
    following.current = value;
    setAtBottom(value);
    onFollowing?.(value);
    if (!value) setReceivedWhenLeft(received);
  };

  // After every render (new messages, rows measured, the list resized) a following reader is put
  // back at the end before the frame is painted, so no scroll event can find them above it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && following.current && atLatest && el.scrollHeight - el.scrollTop - el.clientHeight > 1) el.scrollTop = el.scrollHeight;
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    if (el.scrollTop <= NEAR_TOP_PX && hasOlder) onLoadOlder?.();
    const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    if (near && !atLatest) onLoadNewer?.();
    const now = near && atLatest;
    if (now !== following.current) follow(now);
  };

  // Chromium scrolls a wheel turn (or a key) on its compositor and tells the page a frame later: a render
  // in between (a burst's notice, a row measured) pinned a following reader back to the end, their
  // scroll lost. The intent to go up lets go at once; the scroll event then decides (a small turn that
  // stays near the end follows again).
  // Only an intent that scrolls the list: a dialog inside a message (the image lightbox) is on the top
  // layer, its events bubble here but its scrolling never reaches the list; no scroll event would then
  // take the reader back. Nor a key on a message's video or audio player: its timeline and volume are
  // range inputs (ArrowUp raises the volume, Home seeks), the list does not move.
  const letGo = (target: EventTarget) => {
    if ((target as Element).closest?.('dialog')) return;
    if (following.current && (scrollRef.current?.scrollTop ?? 0) > 0) follow(false);
  };

  // Still near the top once a page has arrived (a fast scroll, a short page): ask for the next one,
  // since no further scroll event may come.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && hasOlder && el.scrollHeight > el.clientHeight && el.scrollTop <= NEAR_TOP_PX) onLoadOlder?.();
    // Runs when the window grows or ends, not on every render.
  }, [messages[0]?.id, hasOlder]);

  // The same at the bottom of a window away from the present (scrolled down faster than the pages).
  useEffect(() => {
    const el = scrollRef.current;
    if (el && !atLatest && el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX) onLoadNewer?.();
  }, [messages.at(-1)?.id, atLatest]);

  // A jump's window or a search result: bring it into view and mark it.
  useEffect(() => {
    if (!focus) return;
    const index = messages.findIndex((m) => m.id === focus.id);
    if (index < 0) return;
    if (following.current) follow(false);
    virtualizer.scrollToIndex(index, { align: 'center' });
    // The row exists once the virtualizer has rendered the new range: look for it frame by frame.
    let el: Element | null = null;
    let frames = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let raf = requestAnimationFrame(function mark() {
      el = scrollRef.current?.querySelector(`[data-message-id="${CSS.escape(focus.id)}"]`) ?? null;
      if (!el && ++frames < 30) {
        raf = requestAnimationFrame(mark);
        return;
      }
      el?.setAttribute('data-focused', 'true');
      timer = setTimeout(() => el?.removeAttribute('data-focused'), 4000);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
    // Only a new focus request scrolls; later renders of the same window must not pull the reader back.
  }, [focus?.seq, focus?.id, messages.length > 0]);

  const jumpToLatest = async () => {
    if (!atLatest) await onJumpToPresent?.();
    // Following again: the pin takes the list to the end after this render and every later one.
    follow(true);
  };

  // Messages that arrived since the reader left the bottom, whether or not the window holds them.
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
        // The oldest message in the window (tests and the scroll benchmark watch it change).
        data-oldest-id={messages[0]?.id}
        onScroll={onScroll}
        // A ctrl-wheel (a trackpad pinch too) zooms the page.
        onWheel={(e) => e.deltaY < 0 && !e.ctrlKey && letGo(e.target)}
        onKeyDown={(e) => (e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === 'Home') && !(e.target as Element).closest?.('video, audio') && letGo(e.target)}
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
        {(unread > 0 || !atLatest) && (
          <button type="button" className="new-messages__pill" data-testid="jump-to-present" onClick={() => void jumpToLatest()}>
            {unread > 0 ? t('messages.newMessages', { count: unread }) : t('history.jumpToPresent')}
            <Icon name="down" size={16} />
          </button>
        )}
      </div>
    </div>
  );
}
