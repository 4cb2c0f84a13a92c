// The JSON Discord sends for users, guilds, their channels and members (REST objects and GUILD_CREATE).
import { discordTimestamp, THREAD_TYPES, type FakeChannel, type FakeGuild, type FakeUser, type Json } from './model.js';
import type { State } from './state.js';

// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY
const EVERYONE_PERMISSIONS = String((1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16));

export function userJson(u: FakeUser): Json {
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
export function memberJson(state: State, userId: string, withUser: boolean, guildId?: string): Json {
  const guild = guildId === undefined ? undefined : state.guilds.get(guildId);
  const member: Json = {
    roles: guildId === undefined ? [] : state.permissions.memberRoles(guildId, userId),
    nick: guild && Object.hasOwn(guild.nicks, userId) ? guild.nicks[userId] : null,
    avatar: null,
    joined_at: discordTimestamp(state.joinedAt),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
  const user = state.users.get(userId);
  if (withUser && user) member['user'] = userJson(user);
  return member;
}

/** The REST channel object; GUILD_CREATE leaves out guild_id (docs/events/gateway-events, Guild Create). */
export function channelJson(state: State, c: FakeChannel, position: number): Json {
  const base: Json = {
    id: c.id,
    type: c.type,
    guild_id: c.guildId,
    name: c.name,
    parent_id: c.parentId ?? null,
    flags: 0,
  };
  if (THREAD_TYPES.has(c.type)) {
    const meta = { archived: false, auto_archive_duration: 1440, archive_timestamp: discordTimestamp(state.joinedAt), locked: false };
    return { ...base, owner_id: state.guilds.get(c.guildId)?.ownerId ?? null, last_message_id: state.messages.get(c.id)?.at(-1)?.id ?? null, rate_limit_per_user: 0, message_count: 0, member_count: 0, thread_metadata: c.type === 12 ? { ...meta, invitable: true } : meta };
  }
  Object.assign(base, { position, permission_overwrites: state.permissions.overwritesJson(c), nsfw: false });
  if (c.type === 4) return base;
  if (c.type === 15) return { ...base, topic: null, rate_limit_per_user: 0, last_message_id: null, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 };
  const last = state.messages.get(c.id)?.at(-1);
  base['last_message_id'] = last?.id ?? null;
  base['rate_limit_per_user'] = 0;
  if (c.type === 2) return { ...base, bitrate: 64000, user_limit: 0, rtc_region: null };
  return { ...base, topic: null };
}

/** The REST guild object; GUILD_CREATE adds the gateway-only fields. */
export function guildJson(state: State, g: FakeGuild): Json {
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
      ...state.permissions.rolesJson(g),
    ],
  };
}

/** Without the presences or members intent, `members` holds only the bot itself. */
export function guildCreateJson(state: State, g: FakeGuild, botUserId?: string): Json {
  const channels = g.channels.filter((c) => !THREAD_TYPES.has(c.type));
  const threads = g.channels.filter((c) => THREAD_TYPES.has(c.type));
  const withoutGuildId = (c: FakeChannel, i: number): Json => {
    const { guild_id: _guildId, ...rest } = channelJson(state, c, i);
    return rest;
  };
  const members = botUserId === undefined ? g.memberIds.filter((id) => state.users.get(id)?.bot) : [botUserId];
  return {
    ...guildJson(state, g),
    unavailable: false,
    joined_at: discordTimestamp(state.joinedAt),
    large: false,
    lazy: true,
    member_count: g.memberIds.length,
    channels: channels.map(withoutGuildId),
    members: members.map((id) => memberJson(state, id, true, g.id)),
    // Threads in GUILD_CREATE carry guild_id: discord.js needs it to place them.
    threads: threads.map((c, i) => channelJson(state, c, i)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
