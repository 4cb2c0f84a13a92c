// The fake's world: users, bots, guilds, channels, messages, and the JSON shapes Discord
// sends for them. Pure data; no sockets or HTTP here.

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
  /** 0 text, 2 voice, 4 category. */
  type: number;
  guildId: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  memberIds: string[];
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
  deleted: boolean;
}

export interface FakeBot {
  token: string;
  user: FakeUser;
  applicationFlags: number;
  identifyClose: number | null;
}

type Json = Record<string, unknown>;

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

export const INTENT = { GUILD_MEMBERS: 1 << 1, GUILD_PRESENCES: 1 << 8, MESSAGE_CONTENT: 1 << 15 } as const;

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

  memberJson(userId: string, withUser: boolean): Json {
    const member: Json = {
      roles: [],
      nick: null,
      avatar: null,
      joined_at: this.joinedAt,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
    const user = this.users.get(userId);
    if (withUser && user) member['user'] = this.userJson(user);
    return member;
  }

  channelJson(c: FakeChannel, position: number): Json {
    const base: Json = {
      id: c.id,
      type: c.type,
      guild_id: c.guildId,
      name: c.name,
      position,
      parent_id: null,
      permission_overwrites: [],
      nsfw: false,
      flags: 0,
    };
    if (c.type === 4) return base;
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
      ],
    };
  }

  guildCreateJson(g: FakeGuild): Json {
    return {
      ...this.guildJson(g),
      unavailable: false,
      joined_at: this.joinedAt,
      large: false,
      lazy: true,
      member_count: g.memberIds.length,
      channels: g.channels.map((c, i) => this.channelJson(c, i)),
      members: g.memberIds.map((id) => this.memberJson(id, true)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  messageJson(m: FakeMessage, showContent: boolean): Json {
    const author = this.users.get(m.authorId);
    return {
      id: m.id,
      type: 0,
      channel_id: m.channelId,
      guild_id: m.guildId,
      author: author ? this.userJson(author) : { id: m.authorId, username: 'unknown', discriminator: '0' },
      member: this.memberJson(m.authorId, false),
      content: showContent ? m.content : '',
      timestamp: m.timestamp,
      edited_timestamp: m.editedTimestamp,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: showContent ? m.attachments.map((a) => this.attachmentJson(m, a)) : [],
      embeds: [],
      components: [],
      reactions: [],
      pinned: false,
      flags: 0,
      nonce: null,
    };
  }

  private attachmentJson(m: FakeMessage, a: FakeAttachment): Json {
    const url = `${this.cdnUrl}/attachments/${m.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
    return {
      id: a.id,
      filename: a.filename,
      size: a.size,
      url,
      proxy_url: url,
      content_type: a.contentType,
      width: a.width,
      height: a.height,
    };
  }
}
