// A stored message's attachment links replaced by the ones of the same message just fetched again
// (Discord signs them for about a day: docs/reference.mdx, Signed Attachment CDN URLs). Only the links
// change: the rest of the row stays as stored (edits and reactions have their own events).
import type { ChatAttachment, ChatMessage } from '../../../shared/types.js';

/** Every attachment of the message, a forward's too: the ones whose links expire. */
export function allAttachments(m: ChatMessage): ChatAttachment[] {
  return [...m.attachments, ...(m.view?.forward?.attachments ?? [])];
}

/** The changes that give `stored` the links of `fresh`, matched by attachment id; null when none changed. */
export function freshLinks(stored: ChatMessage, fresh: ChatMessage): Partial<ChatMessage> | null {
  const urls = new Map(allAttachments(fresh).map((a) => [a.id, a.url]));
  let changed = false;
  const relink = (list: ChatAttachment[]) =>
    list.map((a) => {
      const url = urls.get(a.id);
      if (url === undefined || url === a.url) return a;
      changed = true;
      return { ...a, url };
    });
  const attachments = relink(stored.attachments);
  const forward = stored.view?.forward;
  const view = stored.view && forward ? { ...stored.view, forward: { ...forward, attachments: relink(forward.attachments) } } : undefined;
  if (!changed) return null;
  return { attachments, ...(view ? { view } : {}) };
}
