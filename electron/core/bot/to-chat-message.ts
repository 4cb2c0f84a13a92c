import type { Message, PartialMessage } from 'discord.js';
import type { ChatMessage } from '../../../shared/types.js';
import { messageView, type StoredLookup } from './message-view.js';

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
      avatarUrl: m.author.avatar ? m.author.displayAvatarURL({ size: 64 }) : null,
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
