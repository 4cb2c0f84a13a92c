// A stored message's attachment links replaced by the ones of the same message just fetched again
// (Discord signs them for about a day: docs/reference.mdx, Signed Attachment CDN URLs), and so are its
// embeds' and components' media that show files of the attachment CDN (a bot's attachment://chart.png).
// Only the links change: the rest of the row stays as stored (edits and reactions have their own events).
import { linkExpiry, unsignedLink } from '../../../shared/attachment-links.js';
import { componentLinks, embedLinks, relinkComponents, relinkEmbeds } from '../../../shared/media-links.js';
import type { ChatAttachment, ChatMessage, ChatMessageView } from '../../../shared/types.js';

/** Every attachment of the message, a forward's too: the ones whose links expire. */
export function allAttachments(m: ChatMessage): ChatAttachment[] {
  return [...m.attachments, ...(m.view?.forward?.attachments ?? [])];
}

/** The signed links of the message's embeds (a forward's too) and components: they expire like attachments'. */
export function signedMediaLinks(view: ChatMessageView | undefined): string[] {
  if (!view) return [];
  const links = [...embedLinks(view.embeds), ...embedLinks(view.forward?.embeds ?? []), ...componentLinks(view.components ?? [])];
  return links.filter((url) => linkExpiry(url) !== null);
}

/** Every link of the message that expires: its attachments' and its signed media links. */
export function allLinks(m: ChatMessage): string[] {
  return [...allAttachments(m).map((a) => a.url), ...signedMediaLinks(m.view)];
}

/** The changes that give `stored` the links of `fresh`; null when none changed. */
export function freshLinks(stored: ChatMessage, fresh: ChatMessage): Partial<ChatMessage> | null {
  const urls = new Map(allAttachments(fresh).map((a) => [a.id, a.url]));
  let changed = false;
  // Attachments are matched by id; embeds' and components' media, which have none, by the file their link names.
  const relink = (list: ChatAttachment[]) =>
    list.map((a) => {
      const url = urls.get(a.id);
      if (url === undefined || url === a.url) return a;
      changed = true;
      return { ...a, url };
    });
  const signed = new Map(signedMediaLinks(fresh.view).map((url) => [unsignedLink(url), url]));
  const to = (url: string) => {
    const next = linkExpiry(url) === null ? undefined : signed.get(unsignedLink(url));
    if (next === undefined || next === url) return url;
    changed = true;
    return next;
  };
  const attachments = relink(stored.attachments);
  const v = stored.view;
  const view: ChatMessageView | undefined = v && {
    ...v,
    embeds: relinkEmbeds(v.embeds, to),
    ...(v.forward ? { forward: { ...v.forward, attachments: relink(v.forward.attachments), embeds: relinkEmbeds(v.forward.embeds, to) } } : {}),
    ...(v.components ? { components: relinkComponents(v.components, to) } : {}),
  };
  if (!changed) return null;
  return { attachments, ...(view ? { view } : {}) };
}
