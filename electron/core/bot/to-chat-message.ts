import type { Message, PartialMessage, User } from 'discord.js';
import type { ChatMessage } from '../../../shared/types.js';
import { messageView, type StoredLookup } from './message-view.js';

// discord.js builds each avatar URL through a URL object; a burst is a few authors many times over.
const avatars = new WeakMap<object, Map<string, string>>();
const MAX_AVATARS = 1000;

/** The author's 64 px avatar URL, remembered per CDN and (user, avatar hash): a new avatar has a new hash. */
export function avatarUrl(u: User): string {
  const cdn = u.client.rest.cdn;
  let known = avatars.get(cdn);
  if (!known) avatars.set(cdn, (known = new Map()));
  const key = `${u.id}/${u.avatar}`;
  let url = known.get(key);
  if (url === undefined) {
    if (known.size >= MAX_AVATARS) known.clear();
    url = u.displayAvatarURL({ size: 64 });
    known.set(key, url);
  }
  return url;
}

/** `displayName` comes from MemberNames: REST messages carry no member, so m.member alone is not enough. */
export function toChatMessage(m: Message | PartialMessage, caughtUp: boolean, displayName?: string, lookup?: StoredLookup): ChatMessage | null {
  if (!m.author) return null;
  return {
    id: m.id,
    channelId: m.channelId,
    author: {
      id: m.author.id,
      username: m.author.username,
      displayName: displayName ?? m.member?.displayName ?? m.author.globalName ?? m.author.username,
      avatarUrl: m.author.avatar ? avatarUrl(m.author) : null,
      bot: m.author.bot,
    },
    content: m.content ?? '',
    createdAt: m.createdTimestamp,
    editedAt: m.editedTimestamp ?? null,
    deleted: false,
    attachments: [...m.attachments.values()].map((a) => ({
      id: a.id,
      name: a.name,
      url: a.url,
      size: a.size,
      contentType: a.contentType ?? null,
      width: a.width ?? null,
      height: a.height ?? null,
    })),
    caughtUp,
    view: messageView(m, lookup),
  };
}
