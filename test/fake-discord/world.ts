// Building the fake's world: bots and their applications, users, guilds with their channels, nicknames,
// permissions withheld. Each change a connected client would hear about goes out on the gateway.
import { APP_FLAG } from './app-flags.js';
import type { Gateway } from './gateway.js';
import type { FakeChannel, FakeGuild, FakeUser } from './model.js';
import type { State } from './state.js';

/** What the world-building and message helpers act on. */
export interface FakeWorld {
  state: State;
  gateway: Gateway;
}

export function addBot(w: FakeWorld, b: { token: string; id?: string; username?: string; applicationFlags?: number }): FakeUser {
  if (w.state.bots.has(b.token)) throw new Error(`fake-discord: bot token already added`);
  const user = putUser(w, { id: b.id, username: b.username ?? 'Fake Bot', globalName: null, avatar: null }, true);
  const applicationFlags = b.applicationFlags ?? APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED;
  w.state.bots.set(b.token, { token: b.token, user, applicationFlags, identifyClose: null });
  return { ...user };
}

export function setApplicationOwner(w: FakeWorld, token: string, userId: string): void {
  const bot = w.state.bots.get(token);
  if (!bot || !w.state.users.has(userId)) throw new Error('fake-discord: setApplicationOwner needs a known token and user');
  bot.ownerId = userId;
}

export function addUser(w: FakeWorld, u: { id?: string; username: string; globalName?: string; avatar?: string | null }): FakeUser {
  return { ...putUser(w, { ...u, globalName: u.globalName ?? null, avatar: u.avatar ?? null }, false) };
}

export function addGuild(w: FakeWorld, g: {
  id?: string;
  name: string;
  channels: Array<{ id?: string; name: string; type?: number; parentId?: string }>;
  members?: string[];
}): FakeGuild {
  const id = g.id ?? w.state.snowflake();
  const memberIds = [...(g.members ?? [])];
  for (const m of memberIds) if (!w.state.users.has(m)) throw new Error(`fake-discord: unknown member ${m}`);
  const humans = memberIds.filter((m) => !w.state.users.get(m)?.bot);
  const channels: FakeChannel[] = g.channels.map((c) => ({
    id: c.id ?? w.state.snowflake(),
    name: c.name,
    type: c.type ?? 0,
    guildId: id,
    parentId: c.parentId ?? null,
  }));
  const guild: FakeGuild = { id, name: g.name, ownerId: humans[0] ?? memberIds[0] ?? w.state.snowflake(), channels, memberIds, nicks: {} };
  w.state.guilds.set(id, guild);
  for (const c of channels) {
    w.state.channels.set(c.id, c);
    w.state.messages.set(c.id, []);
  }
  w.gateway.guildAdded(guild);
  return structuredClone(guild);
}

export function setIdentifyClose(w: FakeWorld, token: string, code: number | null): void {
  const bot = w.state.bots.get(token);
  if (!bot) throw new Error('fake-discord: setIdentifyClose for a token that was never added');
  bot.identifyClose = code;
}

export function setNickname(w: FakeWorld, guildId: string, userId: string, nick: string | null): void {
  const guild = w.state.guilds.get(guildId);
  if (!guild?.memberIds.includes(userId)) throw new Error(`fake-discord: ${userId} is not a member of ${guildId}`);
  if (nick === null) delete guild.nicks[userId];
  else guild.nicks[userId] = nick;
}

export function withholdPermission(w: FakeWorld, channelId: string, userId: string, flag: bigint, withheld = true): void {
  const channel = w.state.channels.get(channelId);
  if (!channel) throw new Error(`fake-discord: no channel ${channelId}`);
  w.state.permissions.setOverwrite(channelId, { id: userId, type: 1, allow: 0n, deny: withheld ? flag : 0n });
  w.gateway.channelUpdated(channel, w.state.guilds.get(channel.guildId)?.channels.indexOf(channel) ?? 0);
}

/** A member leaves or is removed (a bot kicked): its sessions hear GUILD_DELETE, then it is no longer a member. */
export function removeMember(w: FakeWorld, guildId: string, userId: string): void {
  const guild = w.state.guilds.get(guildId);
  if (!guild?.memberIds.includes(userId)) throw new Error(`fake-discord: ${userId} is not a member of ${guildId}`);
  w.gateway.removedFromGuild(guildId, userId);
  guild.memberIds = guild.memberIds.filter((id) => id !== userId);
}

/** A channel deleted: CHANNEL_DELETE goes out, then the API knows it no more (Unknown Channel). */
export function deleteChannel(w: FakeWorld, channelId: string): void {
  const channel = w.state.channels.get(channelId);
  if (!channel) throw new Error(`fake-discord: no channel ${channelId}`);
  const guild = w.state.guilds.get(channel.guildId);
  w.gateway.channelDeleted(channel, guild?.channels.indexOf(channel) ?? 0);
  if (guild) guild.channels = guild.channels.filter((c) => c !== channel);
  w.state.channels.delete(channelId);
}

function putUser(w: FakeWorld, u: { id?: string; username: string; globalName: string | null; avatar: string | null }, bot: boolean): FakeUser {
  const user: FakeUser = { id: u.id ?? w.state.snowflake(), username: u.username, globalName: u.globalName, avatar: u.avatar, bot };
  if (w.state.users.has(user.id)) throw new Error(`fake-discord: user ${user.id} already exists`);
  w.state.users.set(user.id, user);
  return user;
}
