// Checks token, server and channel over REST only, so a test never opens a second gateway session.
import { ChannelType, DiscordAPIError, REST, Routes, type APIApplication, type APIChannel, type APIGuild, type APIUser } from 'discord.js';
import type { TestConnectionResult } from '../../../shared/types.js';
import { botErrors, classifyLoginError } from './errors.js';
import type { MonitorTarget } from './monitor.js';

const MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19);
const TEXT_TYPES = new Set<number>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

export async function testConnection(target: MonitorTarget): Promise<TestConnectionResult> {
  const rest = new REST({ api: target.apiUrl, retries: 0, timeout: 10_000 }).setToken(target.token);
  let user: APIUser;
  let app: APIApplication;
  try {
    user = (await rest.get(Routes.user('@me'))) as APIUser;
    app = (await rest.get(Routes.currentApplication())) as APIApplication;
  } catch (err) {
    if (err instanceof DiscordAPIError && err.status === 401) return { ok: false, error: botErrors.invalidToken() };
    return { ok: false, error: classifyLoginError(err, 1).error };
  } finally {
    rest.clearHandlerSweeper?.();
  }
  if ((Number(app.flags ?? 0) & MESSAGE_CONTENT_FLAGS) === 0) return { ok: false, error: botErrors.missingIntent() };
  let guild: APIGuild;
  try {
    guild = (await rest.get(Routes.guild(target.guildId))) as APIGuild;
  } catch {
    return { ok: false, error: botErrors.guildNotFound(target.guildId, app.id) };
  }
  let channel: APIChannel;
  try {
    channel = (await rest.get(Routes.channel(target.channelId))) as APIChannel;
  } catch {
    return { ok: false, error: botErrors.channelNotFound(target.channelId, guild.name) };
  }
  const name = 'name' in channel && channel.name ? channel.name : target.channelId;
  if (!('guild_id' in channel) || channel.guild_id !== guild.id) return { ok: false, error: botErrors.channelNotFound(target.channelId, guild.name) };
  if (!TEXT_TYPES.has(channel.type)) {
    return { ok: false, error: botErrors.channelNotText(name, ChannelType[channel.type].replace(/^Guild/, '').toLowerCase()) };
  }
  return { ok: true, bot: { id: user.id, username: user.username }, guild: { id: guild.id, name: guild.name }, channel: { id: channel.id, name } };
}
