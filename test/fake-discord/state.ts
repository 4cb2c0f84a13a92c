// The fake's world: users, bots, guilds, channels, messages, and the JSON shapes Discord
// sends for them. Pure data; no sockets or HTTP here.

import { FakePermissions } from './permissions.js';
import { RateLimits } from './rate-limits.js';

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
const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

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

const DISCORD_EPOCH = 1420070400000n;
// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY
const EVERYONE_PERMISSIONS = String((1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16));

export const APP_FLAG = {
  GATEWAY_PRESENCE: 1 << 12,
  GATEWAY_PRESENCE_LIMITED: 1 << 13,
  GATEWAY_GUILD_MEMBERS: 1 << 14,
  GATEWAY_GUILD_MEMBERS_LIMITED: 1 << 15,
  GATEWAY_MESSAGE_CONTENT: 1 << 18,
  GATEWAY_MESSAGE_CONTENT_LIMITED: 1 << 19,
} as const;

export const INTENT = { GUILD_MEMBERS: 1 << 1, GUILD_PRESENCES: 1 << 8, GUILD_MESSAGE_REACTIONS: 1 << 10, MESSAGE_CONTENT: 1 << 15 } as const;

/** Bots lacking both content flags get empty message content over REST, as on Discord. */
export function hasContentPrivilege(bot: FakeBot): boolean {
  return (bot.applicationFlags & (APP_FLAG.GATEWAY_MESSAGE_CONTENT | APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED)) !== 0;
}

/** Privileged intents requested without the matching application flag: Discord closes with 4014. */
export function disallowedIntents(bot: FakeBot, intents: number): boolean {
  const f = bot.applicationFlags;
  const need: Array<[number, number]> = [
    [INTENT.GUILD_MEMBERS, APP_FLAG.GATEWAY_GUILD_MEMBERS | APP_FLAG.GATEWAY_GUILD_MEMBERS_LIMITED],
    [INTENT.GUILD_PRESENCES, APP_FLAG.GATEWAY_PRESENCE | APP_FLAG.GATEWAY_PRESENCE_LIMITED],
    [INTENT.MESSAGE_CONTENT, APP_FLAG.GATEWAY_MESSAGE_CONTENT | APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED],
  ];
  return need.some(([intent, flags]) => (intents & intent) !== 0 && (f & flags) === 0);
}

export class State {
  readonly users = new Map<string, FakeUser>();
  readonly bots = new Map<string, FakeBot>(); // by token
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>(); // by channel, oldest first, deleted kept
  readonly joinedAt = new Date().toISOString();
  /** Where attachment and avatar URLs point; set by the server once it knows its port. */
  cdnUrl = 'https://cdn.discordapp.com';
  readonly rateLimits = new RateLimits();
  /** Roles, grants and channel overwrites (permissions.ts); empty: @everyone's defaults only. */
  readonly permissions = new FakePermissions(this);
  private lastSnowflake = 0n;

  /** Timestamp-based and strictly increasing, so `after=`/`before=` comparisons behave like Discord's. */
  snowflake(): string {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.lastSnowflake = fromClock > this.lastSnowflake ? fromClock : this.lastSnowflake + 1n;
    return this.lastSnowflake.toString();
  }

  isMember(guildId: string, userId: string): boolean {
    return this.guilds.get(guildId)?.memberIds.includes(userId) ?? false;
  }

  guildsOf(userId: string): FakeGuild[] {
    return [...this.guilds.values()].filter((g) => g.memberIds.includes(userId));
  }

  userJson(u: FakeUser): Json {
    return {
      id: u.id,
      username: u.username,
      global_name: u.globalName,
      avatar: u.avatar,
      discriminator: '0',
      public_flags: 0,
      bot: u.bot,
    };
  }

  /** A guild member (docs/resources/guild, Guild Member Object); `user` is left out in message events. */
  memberJson(userId: string, withUser: boolean, guildId?: string): Json {
    const guild = guildId === undefined ? undefined : this.guilds.get(guildId);
    const member: Json = {
      roles: guildId === undefined ? [] : this.permissions.memberRoles(guildId, userId),
      nick: guild && Object.hasOwn(guild.nicks, userId) ? guild.nicks[userId] : null,
      avatar: null,
      joined_at: discordTimestamp(this.joinedAt),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
    const user = this.users.get(userId);
    if (withUser && user) member['user'] = this.userJson(user);
    return member;
  }

  /** The REST channel object; GUILD_CREATE leaves out guild_id (docs/events/gateway-events, Guild Create). */
  channelJson(c: FakeChannel, position: number): Json {
    const base: Json = {
      id: c.id,
      type: c.type,
      guild_id: c.guildId,
      name: c.name,
      parent_id: c.parentId ?? null,
      flags: 0,
    };
    if (THREAD_TYPES.has(c.type)) {
      const meta = { archived: false, auto_archive_duration: 1440, archive_timestamp: discordTimestamp(this.joinedAt), locked: false };
      return { ...base, owner_id: this.guilds.get(c.guildId)?.ownerId ?? null, last_message_id: this.messages.get(c.id)?.at(-1)?.id ?? null, rate_limit_per_user: 0, message_count: 0, member_count: 0, thread_metadata: c.type === 12 ? { ...meta, invitable: true } : meta };
    }
    Object.assign(base, { position, permission_overwrites: this.permissions.overwritesJson(c), nsfw: false });
    if (c.type === 4) return base;
    if (c.type === 15) return { ...base, topic: null, rate_limit_per_user: 0, last_message_id: null, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 };
    const last = this.messages.get(c.id)?.at(-1);
    base['last_message_id'] = last?.id ?? null;
    base['rate_limit_per_user'] = 0;
    if (c.type === 2) return { ...base, bitrate: 64000, user_limit: 0, rtc_region: null };
    return { ...base, topic: null };
  }

  /** The REST guild object; GUILD_CREATE adds the gateway-only fields. */
  guildJson(g: FakeGuild): Json {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: g.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      vanity_url_code: null,
      premium_progress_bar_enabled: false,
      application_id: null,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: g.id, // @everyone shares the guild's id
          name: '@everyone',
          permissions: EVERYONE_PERMISSIONS,
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          icon: null,
          unicode_emoji: null,
          flags: 0,
        },
        ...this.permissions.rolesJson(g),
      ],
    };
  }

  /** Without the presences or members intent, `members` holds only the bot itself. */
  guildCreateJson(g: FakeGuild, botUserId?: string): Json {
    const channels = g.channels.filter((c) => !THREAD_TYPES.has(c.type));
    const threads = g.channels.filter((c) => THREAD_TYPES.has(c.type));
    const withoutGuildId = (c: FakeChannel, i: number): Json => {
      const { guild_id: _guildId, ...rest } = this.channelJson(c, i);
      return rest;
    };
    const members = botUserId === undefined ? g.memberIds.filter((id) => this.users.get(id)?.bot) : [botUserId];
    return {
      ...this.guildJson(g),
      unavailable: false,
      joined_at: discordTimestamp(this.joinedAt),
      large: false,
      lazy: true,
      member_count: g.memberIds.length,
      channels: channels.map(withoutGuildId),
      members: members.map((id) => this.memberJson(id, true, g.id)),
      // Threads in GUILD_CREATE carry guild_id: discord.js needs it to place them.
      threads: threads.map((c, i) => this.channelJson(c, i)),
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** The REST message object: no guild_id and no member (docs/resources/message, Example Message). */
  messageJson(m: FakeMessage, showContent: boolean): Json {
    const author = this.users.get(m.authorId);
    return {
      id: m.id,
      type: 0,
      channel_id: m.channelId,
      author: author ? this.userJson(author) : { id: m.authorId, username: 'unknown', discriminator: '0' },
      content: showContent ? m.content : '',
      timestamp: discordTimestamp(m.timestamp),
      edited_timestamp: m.editedTimestamp === null ? null : discordTimestamp(m.editedTimestamp),
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: showContent ? m.attachments.map((a) => this.attachmentJson(m, a)) : [],
      embeds: showContent ? m.embeds : [],
      components: [],
      pinned: false,
      flags: 0,
      ...m.extra,
      // Without the content intent these are empty and a poll is left out (docs/resources/message, Message Object).
      ...(showContent ? {} : { embeds: [], attachments: [], poll: undefined }),
    };
  }

  /** MESSAGE_CREATE/UPDATE add guild_id and a member without `user` (docs/events/gateway-events, Message Create). */
  messageDispatchJson(m: FakeMessage, showContent: boolean): Json {
    // `pending` is only sent in GUILD_ events (docs/resources/guild, Guild Member Object).
    const { pending: _pending, ...member } = this.memberJson(m.authorId, false, m.guildId);
    return { ...this.messageJson(m, showContent), guild_id: m.guildId, member };
  }

  private attachmentJson(m: FakeMessage, a: FakeAttachment): Json {
    const url = `${this.cdnUrl}/attachments/${m.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
    return {
      id: a.id,
      filename: a.filename,
      size: a.size,
      url,
      proxy_url: url,
      // Optional fields: Discord leaves them out when it does not know them.
      ...(a.contentType === null ? {} : { content_type: a.contentType }),
      ...(a.width === null || a.height === null ? {} : { width: a.width, height: a.height }),
    };
  }
}
