// The message list as a pure reducer: a window over the channel's stored history (pages loaded on
// demand) plus live events, applied in batches (one per frame, at most ten a second in a burst: live-batches.ts).
// While the reader follows the newest messages the window is trimmed from the top; while they read
// back nothing above them is dropped, so their position holds, and every live message is counted.
import type { MessagesSkipped } from '../../../shared/live-flow';
import type { ChatMessage } from '../../../shared/types';

/** Kept while following the newest messages (older ones are a page load away). */
export const MAX_LIVE = 1000;
/** Kept at most while reading back; past this the newest are left out and reloaded on return. */
export const MAX_KEPT = 20_000;
/**
 * Kept while paging through history (10 pages): the virtualiser's work for every row it measures
 * grows with the window, so paging trims the side away from the reader (bench/scroll).
 */
export const MAX_PAGED = 1000;
/** @deprecated the live window size; kept for older imports. */
export const MAX_MESSAGES = MAX_LIVE;

export interface MessagesState {
  items: ChatMessage[];
  /** message.created events seen by this page (the footer's session counter and the unread count). */
  received: number;
  loaded: boolean;
  /** Older stored messages exist before items[0]. */
  hasOlder: boolean;
  /** The window reaches the newest message: live ones are appended. False after a jump back. */
  atLatest: boolean;
  /** The reader is at the bottom: the window may be trimmed from the top. */
  following: boolean;
  /** A skipped notice could not be applied to the window (out of order): the present must be read from the store. */
  rereadPresent: boolean;
}

export type MessagesAction =
  | { type: 'loaded'; messages: ChatMessage[]; hasOlder?: boolean }
  | { type: 'created'; message: ChatMessage }
  | { type: 'createdMany'; messages: ChatMessage[] }
  /** New messages the server did not send one by one (the panel was behind): counted, the newest shown when following. */
  | ({ type: 'skipped' } & MessagesSkipped)
  | { type: 'updated'; message: ChatMessage }
  | { type: 'deleted'; id: string }
  | { type: 'older'; messages: ChatMessage[]; hasOlder: boolean }
  | { type: 'newer'; messages: ChatMessage[]; atLatest: boolean }
  | { type: 'window'; messages: ChatMessage[]; hasOlder: boolean; atLatest: boolean }
  | { type: 'following'; value: boolean };

export const initialMessages: MessagesState = { items: [], received: 0, loaded: false, hasOlder: true, atLatest: true, following: true, rereadPresent: false };

// Snowflakes grow with time; comparing length first orders them without BigInt.
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

/** Merges messages into the sorted list: known ids are replaced in place, new ones inserted in order. */
function merge(items: ChatMessage[], incoming: ChatMessage[]): { items: ChatMessage[]; added: number } {
  if (!incoming.length) return { items, added: 0 };
  // An older page (scrolling back): all before the first shown, no lookup of the whole window.
  const sorted = incoming.slice().sort(compareMessages);
  if (items.length && compareMessages(sorted.at(-1)!, items[0]!) < 0) {
    const unique = sorted.filter((m, i) => i === 0 || m.id !== sorted[i - 1]!.id);
    return { items: unique.concat(items), added: unique.length };
  }
  const at = new Map(items.map((m, i) => [m.id, i]));
  let next: ChatMessage[] | null = null;
  const fresh = new Map<string, ChatMessage>();
  for (const m of incoming) {
    const i = at.get(m.id);
    if (i === undefined) {
      fresh.set(m.id, m);
      continue;
    }
    next ??= items.slice();
    // A late update must not resurrect a message already seen deleted.
    next[i] = { ...m, deleted: m.deleted || next[i]!.deleted };
  }
  const base = next ?? items;
  if (!fresh.size) return { items: base, added: 0 };
  const added = [...fresh.values()].sort(compareMessages);
  const last = base.at(-1);
  // The usual case (live messages are the newest): append without re-sorting everything.
  const merged = !last || compareMessages(last, added[0]!) <= 0 ? base.concat(added) : base.concat(added).sort(compareMessages);
  return { items: merged, added: added.length };
}

/** Trims the window to what the reader's position allows. */
function bound(state: MessagesState): MessagesState {
  const { items } = state;
  if (state.following && items.length > MAX_LIVE) return { ...state, items: items.slice(items.length - MAX_LIVE), hasOlder: true };
  // Reading back: drop the newest, never what is above the reader; the present is reloaded on return.
  if (items.length > MAX_KEPT) return { ...state, items: items.slice(0, MAX_KEPT), atLatest: false };
  return state;
}

/**
 * New messages the window can take: not those older than it while older pages exist (a hole filled
 * late by a catch-up). They are counted and shown when their page loads; joined now, they would sit
 * above messages never loaded.
 */
function joinable(state: MessagesState, messages: ChatMessage[]): ChatMessage[] {
  const first = state.hasOlder ? state.items[0] : undefined;
  return first ? messages.filter((m) => compareMessages(m, first) >= 0) : messages;
}

function created(state: MessagesState, messages: ChatMessage[]): MessagesState {
  if (!state.atLatest) {
    // The window is away from the present: only edits of what it shows apply; new ones are counted.
    const shown = new Set(state.items.map((m) => m.id));
    const known = messages.filter((m) => shown.has(m.id));
    return { ...state, items: merge(state.items, known).items, received: state.received + messages.length - known.length };
  }
  const joined = joinable(state, messages);
  const { items, added } = merge(state.items, joined);
  return bound({ ...state, items, received: state.received + added + messages.length - joined.length });
}

function skipped(state: MessagesState, notice: MessagesSkipped): MessagesState {
  const received = state.received + notice.count;
  if (!state.atLatest) return { ...state, received };
  // Reading back: nothing is added under the reader; the present is a page load away (the pill).
  if (!state.following) return { ...state, received, atLatest: false };
  const newest = notice.newest.slice().sort(compareMessages);
  // Every skipped message came with the notice: the window stays whole. Else it restarts at the newest.
  if (newest.length >= notice.count) return bound({ ...state, received, items: merge(state.items, joinable(state, newest)).items });
  // A hole filled late (a catch-up) creates messages older than live ones shown: its newest are not the present.
  const last = state.items.at(-1);
  const inOrder = notice.newest.every((m, i, all) => {
    const before = i ? all[i - 1] : last;
    return !before || compareMessages(m, before) > 0;
  });
  if (!inOrder) return { ...state, received, rereadPresent: true };
  // Loaded from here on: a first page still on its way is older than this window and must not join it with a hole.
  return { ...state, received, items: newest, hasOlder: true, loaded: true };
}

export function messagesReducer(state: MessagesState, action: MessagesAction): MessagesState {
  switch (action.type) {
    case 'loaded': {
      // The window was already set (a skipped notice restarted it at the newest): that page is older.
      if (state.loaded) return state;
      // Events may have arrived while the page was loading; they are newer than the page.
      const { items } = merge(action.messages.slice().sort(compareMessages), state.items);
      return bound({ ...state, loaded: true, items, hasOlder: action.hasOlder ?? state.hasOlder });
    }
    case 'created':
      return created(state, [action.message]);
    case 'createdMany':
      return created(state, action.messages);
    case 'skipped':
      return skipped(state, action);
    case 'updated': {
      const shown = state.items.some((m) => m.id === action.message.id);
      if (!shown && !state.atLatest) return state;
      // Older than the window while older pages exist (a reaction on an old message): joined, it would hide those between.
      // (Before the first page: kept, the page is merged under the events.)
      if (!shown && state.loaded && state.hasOlder && state.items.length && compareMessages(action.message, state.items[0]!) < 0) return state;
      return bound({ ...state, items: merge(state.items, [action.message]).items });
    }
    case 'deleted': {
      const i = state.items.findLastIndex((m) => m.id === action.id);
      if (i < 0) return state;
      const items = state.items.slice();
      items[i] = { ...items[i]!, deleted: true };
      return { ...state, items };
    }
    case 'older': {
      // Far back, the newest are dropped and reloaded when returning to the present.
      const items = merge(state.items, action.messages).items;
      const trim = items.length > MAX_PAGED;
      return { ...state, following: false, items: trim ? items.slice(0, MAX_PAGED) : items, hasOlder: action.hasOlder, atLatest: state.atLatest && !trim };
    }
    case 'newer': {
      // Reading forward after a jump: the oldest are dropped, a page load away again.
      const items = merge(state.items, action.messages).items;
      const trim = items.length > MAX_PAGED;
      return bound({ ...state, items: trim ? items.slice(items.length - MAX_PAGED) : items, hasOlder: state.hasOlder || trim, atLatest: action.atLatest });
    }
    case 'window':
      return { ...state, loaded: true, rereadPresent: false, items: action.messages.slice().sort(compareMessages), hasOlder: action.hasOlder, atLatest: action.atLatest };
    case 'following':
      return state.following === action.value ? state : bound({ ...state, following: action.value });
  }
}
