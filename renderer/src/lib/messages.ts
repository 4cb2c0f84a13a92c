// The message list as a pure reducer: initial page + live events, kept sorted and bounded.
import type { ChatMessage } from '../../../shared/types';

/** Older messages are dropped past this, so a busy channel cannot grow memory without end. */
export const MAX_MESSAGES = 1000;

export interface MessagesState {
  items: ChatMessage[];
  /** message.created events seen by this page (the footer's session counter). */
  received: number;
  loaded: boolean;
}

export type MessagesAction =
  | { type: 'loaded'; messages: ChatMessage[] }
  | { type: 'created'; message: ChatMessage }
  | { type: 'updated'; message: ChatMessage }
  | { type: 'deleted'; id: string };

export const initialMessages: MessagesState = { items: [], received: 0, loaded: false };

// Snowflakes grow with time; comparing length first orders them without BigInt.
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

function insertSorted(items: ChatMessage[], message: ChatMessage): ChatMessage[] {
  const last = items.at(-1);
  if (!last || compareMessages(last, message) <= 0) return [...items, message];
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareMessages(items[mid]!, message) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...items.slice(0, lo), message, ...items.slice(lo)];
}

function indexOf(items: ChatMessage[], id: string): number {
  // Edits and deletions are almost always of recent messages: search from the end.
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.id === id) return i;
  return -1;
}

function upsert(items: ChatMessage[], message: ChatMessage): ChatMessage[] {
  const i = indexOf(items, message.id);
  if (i < 0) return trim(insertSorted(items, message));
  const next = items.slice();
  // A late update must not resurrect a message already seen deleted.
  next[i] = { ...message, deleted: message.deleted || items[i]!.deleted };
  return next;
}

function trim(items: ChatMessage[]): ChatMessage[] {
  return items.length > MAX_MESSAGES ? items.slice(items.length - MAX_MESSAGES) : items;
}

export function messagesReducer(state: MessagesState, action: MessagesAction): MessagesState {
  switch (action.type) {
    case 'loaded': {
      // Events may have arrived while the page was loading; they are newer than the page.
      const byId = new Map(action.messages.map((m) => [m.id, m]));
      for (const m of state.items) byId.set(m.id, m);
      return { ...state, loaded: true, items: trim([...byId.values()].sort(compareMessages)) };
    }
    case 'created': {
      const isNew = indexOf(state.items, action.message.id) < 0;
      return {
        ...state,
        items: upsert(state.items, action.message),
        received: state.received + (isNew ? 1 : 0),
      };
    }
    case 'updated':
      return { ...state, items: upsert(state.items, action.message) };
    case 'deleted': {
      const i = indexOf(state.items, action.id);
      if (i < 0) return state;
      const items = state.items.slice();
      items[i] = { ...items[i]!, deleted: true };
      return { ...state, items };
    }
  }
}
