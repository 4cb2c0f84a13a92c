// What is wrong with the configured server and channel once Discord said READY, if anything:
// each answer is an error the user can act on.
import { ChannelType, type Client } from 'discord.js';
import type { BotError } from '../../../shared/types.js';
import { botErrors } from './errors.js';

const TEXT_TYPES = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
// GATEWAY_MESSAGE_CONTENT and GATEWAY_MESSAGE_CONTENT_LIMITED application flags.
const MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19);

export function targetProblem(client: Client<true>, target: { guildId: string; channelId: string }): BotError | null {
  const guild = client.guilds.cache.get(target.guildId);
  if (!guild) return botErrors.guildNotFound(target.guildId, client.application.id);
  const channel = guild.channels.cache.get(target.channelId);
  if (!channel) return botErrors.channelNotFound(target.channelId, guild.name);
  if (!TEXT_TYPES.has(channel.type)) {
    return botErrors.channelNotText(channel.name, ChannelType[channel.type].replace(/^Guild/, '').toLowerCase());
  }
  if ((Number(client.application.flags?.bitfield ?? 0) & MESSAGE_CONTENT_FLAGS) === 0) return botErrors.missingIntent();
  return null;
}
