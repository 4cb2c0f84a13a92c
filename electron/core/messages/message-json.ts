// A live message is serialised once: the event bus checks that JSON for secrets, the panel frame
// carries it and the store writes it as the row (three JSON.stringify calls per message before).
// Safe because a ChatMessage is never changed in place: an edit or update makes a new object.
import type { ChatMessage } from '../../../shared/types.js';

const memo = new WeakMap<ChatMessage, string>();

/** JSON.stringify(m), computed once per message object. */
export function messageJson(m: ChatMessage): string {
  let json = memo.get(m);
  if (json === undefined) {
    json = JSON.stringify(m);
    memo.set(m, json);
  }
  return json;
}
