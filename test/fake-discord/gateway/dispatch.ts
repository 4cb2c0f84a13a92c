// The events the fake's world changes send: messages, reactions, deletes, guild and channel updates.
import { INTENT } from '../app-flags.js';
import { PERMISSION } from '../permissions.js';
import { channelJson, guildCreateJson } from '../guild-json.js';
import { messageDispatchJson } from '../message-json.js';
import type { FakeChannel, FakeGuild, FakeMessage } from '../model.js';
import type { GatewayCore } from './core.js';

/**
 * A session hears about a channel's messages only while its user may view the channel: docs/topics/
 * threads.md, Losing Access to Channels — the app "will **not** receive any new Gateway events" for it,
 * only the event that changed its permissions (CHANNEL_UPDATE here).
 */
function canView(gw: GatewayCore, channelId: string, userId: string): boolean {
  const channel = gw.state.channels.get(channelId);
  return !channel || (gw.state.permissions.inChannel(channel, userId) & PERMISSION.VIEW_CHANNEL) !== 0n;
}

export function dispatchMessage(gw: GatewayCore, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', m: FakeMessage): void {
  for (const s of gw.sessions.values()) {
    if (!(s.conn || s.resumable) || !gw.state.isMember(m.guildId, s.bot.user.id) || !canView(gw, m.channelId, s.bot.user.id) || gw.outageGuilds.has(m.guildId)) continue;
    gw.push(s, t, messageDispatchJson(gw.state, m, (x) => (s.intents & INTENT.MESSAGE_CONTENT) !== 0 || x.authorId === s.bot.user.id));
  }
  gw.opts.onChange();
}

/** Discord's update when it resolves a link preview: id, channel_id, guild_id and the changed fields only. */
export function dispatchPartialUpdate(gw: GatewayCore, m: FakeMessage, fields: Record<string, unknown>): void {
  gw.dispatchToGuild(m.guildId, 'MESSAGE_UPDATE', () => ({ id: m.id, channel_id: m.channelId, guild_id: m.guildId, ...fields }));
}

/** A bot added to a guild while connected hears about it, as when it is invited. */
export function guildAdded(gw: GatewayCore, g: FakeGuild): void {
  gw.dispatchToGuild(g.id, 'GUILD_CREATE', (s) => guildCreateJson(gw.state, g, s.bot.user.id));
}

/** CHANNEL_UPDATE (docs/events/gateway-events): a channel's overwrites changed, so clients recompute permissions. */
export function channelUpdated(gw: GatewayCore, c: FakeChannel, position: number): void {
  gw.dispatchToGuild(c.guildId, 'CHANNEL_UPDATE', () => channelJson(gw.state, c, position));
}

/**
 * GUILD_DELETE without `unavailable` (docs/events/gateway-events, Guild Delete: "If the unavailable field is
 * not set, the user was removed from the guild"), to that user's own sessions, before it stops being a member.
 */
export function removedFromGuild(gw: GatewayCore, guildId: string, userId: string): void {
  for (const s of gw.sessions.values()) if ((s.conn || s.resumable) && s.bot.user.id === userId) gw.push(s, 'GUILD_DELETE', { id: guildId });
  gw.opts.onChange();
}

/**
 * A server in an outage (docs/events/gateway-events, Guild Delete: "unavailable: true"): its members' sessions hear
 * GUILD_DELETE with `unavailable`, and nothing of it until the GUILD_CREATE that says it is back (`back`).
 */
export function guildOutage(gw: GatewayCore, g: FakeGuild, back: boolean): void {
  if (back) gw.outageGuilds.delete(g.id);
  else gw.outageGuilds.add(g.id);
  gw.dispatchToGuild(g.id, back ? 'GUILD_CREATE' : 'GUILD_DELETE', (s) => (back ? guildCreateJson(gw.state, g, s.bot.user.id) : { id: g.id, unavailable: true }));
}

/** CHANNEL_DELETE (docs/events/gateway-events): the channel object, to the server's sessions. */
export function channelDeleted(gw: GatewayCore, c: FakeChannel, position: number): void {
  gw.dispatchToGuild(c.guildId, 'CHANNEL_DELETE', () => channelJson(gw.state, c, position));
}

/** MESSAGE_REACTION_* (docs/events/gateway-events), only to sessions that asked for GUILD_MESSAGE_REACTIONS. */
export function dispatchReaction(gw: GatewayCore, guildId: string, t: string, d: Record<string, unknown>): void {
  for (const s of gw.sessions.values()) {
    if ((s.conn || s.resumable) && gw.state.isMember(guildId, s.bot.user.id) && (s.intents & INTENT.GUILD_MESSAGE_REACTIONS) !== 0) gw.push(s, t, d);
  }
  gw.opts.onChange();
}

export function dispatchDelete(gw: GatewayCore, m: FakeMessage): void {
  gw.dispatchToGuild(m.guildId, 'MESSAGE_DELETE', () => ({ id: m.id, channel_id: m.channelId, guild_id: m.guildId }));
}

/** MESSAGE_DELETE_BULK (docs/events/gateway-events): what Bulk Delete Messages fires. */
export function dispatchDeleteBulk(gw: GatewayCore, guildId: string, channelId: string, ids: string[]): void {
  gw.dispatchToGuild(guildId, 'MESSAGE_DELETE_BULK', () => ({ ids, channel_id: channelId, guild_id: guildId }));
}
