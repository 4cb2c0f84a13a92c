// The fake's world as plain data: users, bots, guilds, channels, messages, and Discord's timestamp format.

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  avatar: string | null;
  bot: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text, 2 voice, 4 category, 5 announcement, 10/11/12 threads, 15 forum (CHANNEL_TYPE). */
  type: number;
  guildId: string;
  /** Category of a channel, or the channel a thread lives in. */
  parentId?: string | null;
}

/** Channel types as documented in docs/resources/channel (Channel Types). */
export const CHANNEL_TYPE = {
  GUILD_TEXT: 0,
  GUILD_VOICE: 2,
  GUILD_CATEGORY: 4,
  GUILD_ANNOUNCEMENT: 5,
  ANNOUNCEMENT_THREAD: 10,
  PUBLIC_THREAD: 11,
  PRIVATE_THREAD: 12,
  GUILD_FORUM: 15,
} as const;
/** Thread channel types (10, 11, 12): listed apart in GUILD_CREATE and shaped apart in JSON. */
export const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

/** Discord's timestamp format: ISO 8601 with microseconds and an explicit +00:00 offset. */
export function discordTimestamp(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  memberIds: string[];
  /** Server nicknames by user id (member.nick). */
  nicks: Record<string, string>;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
  width: number | null;
  height: number | null;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  guildId: string;
  authorId: string;
  content: string;
  /** ISO 8601. */
  timestamp: string;
  editedTimestamp: string | null;
  attachments: FakeAttachment[];
  /** Link previews Discord added after the message was sent (embed objects as sent). */
  embeds: Json[];
  deleted: boolean;
  /** Other documented message fields, as Discord sends them (mentions, message_reference, embeds, sticker_items, poll, reactions…). */
  extra?: Json;
}

export interface FakeBot {
  token: string;
  user: FakeUser;
  applicationFlags: number;
  identifyClose: number | null;
  /** The application's owner (a user id), sent as `owner` by GET /applications/@me. */
  ownerId?: string;
}

export type Json = Record<string, unknown>;
