// Discord sends no message events for a channel the bot can no longer view, only the event that took
// the permission away: a CHANNEL_UPDATE (an overwrite), a role or member update (docs/topics/threads.md,
// Losing Access to Channels). The app said "Connected" while it heard nothing, and the first message after
// access came back moved the resume point past the ones posted meanwhile: lost for good (outside review).
// Now the panel says so while it lasts, and on return what was posted meanwhile is fetched first (the
// catch-up of a new session: live messages wait for it).
import { Events, PermissionFlagsBits, type Client } from 'discord.js';
import { coreText } from '../../../shared/core-text.js';
import { say } from '../log/say.js';
import type { ClientEventsHost } from './client-events.js';
import { statuses } from './status.js';

/** True when the bot may view the watched channel (unknown, e.g. its member not cached: assumed so). */
function canView(client: Client, channelId: string): boolean {
  const channel = client.channels.cache.get(channelId);
  if (!channel || !('guild' in channel)) return true;
  const me = channel.guild.members.me;
  const perms = me ? channel.permissionsFor(me) : null;
  return !perms || perms.has(PermissionFlagsBits.ViewChannel);
}

/**
 * Watches the bot's access to the channel. The check it returns (true while hidden) is also run by the
 * monitor before it says "Connected" (a start without access).
 */
export function watchChannelAccess(client: Client, h: ClientEventsHost, backToConnected: () => void): () => boolean {
  let hidden = false;
  let from: string | null = null;
  const check = (): boolean => {
    const info = h.connected();
    if (!h.isCurrent() || !info) return hidden;
    const sees = canView(client, h.channelId);
    if (!sees && !hidden) {
      hidden = true;
      // Held from now on: a message heard as access comes back must not move the resume point first.
      h.sink.keepHolding();
      from = h.resumePoint();
      say(h.logger, 'warn', coreText('log.channelHidden', { channel: info.channel.name }));
      h.setStatus(statuses.channelHidden(info.channel.name));
    } else if (sees && hidden) {
      hidden = false;
      say(h.logger, 'info', coreText('log.channelVisible', { channel: info.channel.name }));
      void h.catchUp(from).then(backToConnected);
    }
    return hidden;
  };
  client.on(Events.ChannelUpdate, (_old, channel) => {
    if (channel.id === h.channelId) check();
  });
  client.on(Events.GuildRoleUpdate, () => void check());
  client.on(Events.GuildRoleDelete, () => void check());
  client.on(Events.GuildMemberUpdate, (_old, member) => {
    if (member.id === client.user?.id) check();
  });
  return check;
}
