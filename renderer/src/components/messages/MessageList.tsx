// The channel feed, newest at the bottom. Windowed with @tanstack/react-virtual so only the
// visible messages are in the DOM; older pages load from the store when the reader nears the top,
// newer ones when a jumped-to window nears the bottom. It follows new messages while the reader is
// at the bottom; when they scrolled up it keeps their place and counts what arrived meanwhile.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/types';
import { Icon } from '../Icon';
import { MessageItem } from './MessageItem';

/** Within this many pixels of the end counts as "at the bottom" (a rounding-proof margin). */
const NEAR_BOTTOM_PX = 48;
/** Within this many pixels of the top the next older page is asked for, before the reader gets there. */
const NEAR_TOP_PX = 600;
/** A touch scroll has ended this long after its last scroll event, when the browser sends no `scrollend`. */
const SETTLED_MS = 150;
/** A wheel turn in lines (deltaMode 1) moves this many pixels a line, as Chromium scrolls it. */
const LINE_PX = 40;

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
    // A finger down, or its scroll still going after the lift: only where it ends decides to follow again
    // (this may be an earlier pin's event, or a flick's momentum passing the end).
    if (touch.current?.lifted) settling.current();
    if (now && touch.current) return;
    if (now !== following.current) follow(now);
  };

  // Chromium scrolls a wheel turn on its compositor before the page has seen it, and tells the page a frame
  // later; a render in between (a burst's notice, a row measured) wrote the list's position (the pin below,
  // the virtualiser keeping a row in place), and Blink drops a compositor scroll that a script's write
  // overtakes: the reader's turn was lost and they stayed at the end. So the first turn up while following
  // is the page's own (a non-passive listener: the compositor waits for it): it lets go and scrolls the list
  // there at once, through the virtualiser so its own writes start from there. Later turns, no longer
  // following, scroll natively (smooth, unblocked). A key scrolls from the main thread: it lets go first.
  // Only an intent that scrolls the list: a dialog inside a message (the image lightbox) is on the top
  // layer, its events bubble here but its scrolling never reaches the list; no scroll event would then
  // take the reader back. Nor a key on a message's video or audio player: its timeline and volume are
  // range inputs (ArrowUp raises the volume, Home seeks), the list does not move.
  const canLetGo = (target: EventTarget) => following.current && (scrollRef.current?.scrollTop ?? 0) > 0 && !(target as Element).closest?.('dialog');
  const wheelUp = useRef<(e: WheelEvent) => void>(() => undefined);
  wheelUp.current = (e) => {
    const el = scrollRef.current;
    // A ctrl-wheel (a trackpad pinch too) zooms the page.
    if (!el || e.deltaY >= 0 || e.ctrlKey || !canLetGo(e.target!)) return;
    e.preventDefault();
    follow(false);
    virtualizer.scrollToOffset(Math.max(0, el.scrollTop + e.deltaY * (e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? el.clientHeight : 1)));
  };
  // Only while following: a non-passive listener makes each scroll gesture's first wheel event wait for the
  // page's main thread (busy in a burst), so a reader who is not following keeps fully native scrolling.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !atBottom) return;
    const onWheel = (e: WheelEvent) => wheelUp.current(e);
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [atBottom]);
  // A touch drag is scrolled on the compositor too, and cannot be taken like a wheel turn: while a finger
  // is down on a following list it is not pinned (let go); lifted where it came down (a tap on a link or
  // an image), the reader follows again. Dragged, the scroll may go on after the lift (a flick's momentum,
  // on the compositor too): a pin then would stop it at the end, so it is decided where the scroll ends
  // (its `scrollend`, or SETTLED_MS without a scroll event): near the end, the reader follows again.
  const touch = useRef<{ top: number; lifted: boolean; off: () => void } | null>(null);
  const lifted = useRef(() => undefined as void);
  const settled = useRef(() => undefined as void);
  settled.current = () => {
    const el = scrollRef.current;
    const t = touch.current;
    if (!t?.lifted) return;
    touch.current = null;
    t.off();
    if (el && atLatest && el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX) follow(true);
  };
  lifted.current = () => {
    const el = scrollRef.current;
    const t = touch.current;
    if (!t || t.lifted) return;
    if (!el || el.scrollTop === t.top) {
      touch.current = null;
      t.off();
      if (el && atLatest) follow(true);
      return;
    }
    t.lifted = true;
    settling.current();
  };
  // Restarted by each scroll event after the lift; `scrollend` settles at once where the browser has it.
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settling = useRef(() => undefined as void);
  settling.current = () => {
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => settled.current(), SETTLED_MS);
  };
  const touchStart = useRef<(e: globalThis.TouchEvent) => void>(() => undefined);
  touchStart.current = (e) => {
    const el = scrollRef.current;
    // One finger down is a new gesture: a touch whose lift was never seen (or whose scroll has not ended) is over.
    if (e.touches.length === 1 && touch.current) {
      touch.current.off();
      touch.current = null;
    }
    if (!el || !following.current || touch.current) return;
    // The lift goes to the element first touched, which the virtual list may have unmounted meanwhile
    // (scrolled out of its window): detached, its events no longer reach the list. So it is heard there.
    const target = e.target ?? el;
    const onLift = (ev: Event) => (ev as unknown as { touches: TouchList }).touches.length === 0 && lifted.current();
    const onScrollEnd = () => settled.current();
    target.addEventListener('touchend', onLift);
    target.addEventListener('touchcancel', onLift);
    el.addEventListener('scrollend', onScrollEnd);
    touch.current = {
      top: el.scrollTop,
      lifted: false,
      off: () => {
        target.removeEventListener('touchend', onLift);
        target.removeEventListener('touchcancel', onLift);
        el.removeEventListener('scrollend', onScrollEnd);
        clearTimeout(settleTimer.current);
      },
    };
    follow(false);
  };
  useEffect(() => () => touch.current?.off(), []);
  // Heard before the compositor scrolls while following (non-passive: it waits for the page, as the wheel
  // does), else a busy page let the drag start before it let go; passive otherwise.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onTouchStart = (e: globalThis.TouchEvent) => touchStart.current(e);
    el.addEventListener('touchstart', onTouchStart, { passive: !atBottom });
    return () => el.removeEventListener('touchstart', onTouchStart);
  }, [atBottom]);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === 'Home') && !(e.target as Element).closest?.('video, audio') && canLetGo(e.target)) follow(false);
  };

  // Still near the top once any page has arrived (a fast scroll, a short page, or a newer page that
  // arrived while the older one asked for was dropped: one load at a time): ask for the next one, since
  // at the very top no further scroll event may come.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && hasOlder && el.scrollHeight > el.clientHeight && el.scrollTop <= NEAR_TOP_PX) onLoadOlder?.();
  }, [messages, hasOlder]);

  // The same at the bottom of a window away from the present (scrolled down faster than the pages), after
  // any page arrives (even one that brought nothing new): a newer page asked for while another was loading
  // was dropped (one load at a time), and at the very bottom no scroll event would ask again.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && !atLatest && el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX) onLoadNewer?.();
  }, [messages, atLatest]);

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
        onKeyDown={onKeyDown}
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
