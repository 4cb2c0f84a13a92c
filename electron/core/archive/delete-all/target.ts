// What "delete all" needs from Discord, through the connected discord.js client: the bot's
// permissions in the channel as discord.js computes them (roles + channel overwrites), the
// channel's messages page by page, and the two delete routes. client.rest queues requests per
// rate-limit bucket and retries 429s, so deleting runs at Discord's pace.
import { PermissionFlagsBits, Routes, type GuildBasedChannel } from 'discord.js';

export interface DeleteTarget {
  channel: { id: string; name: string; guild: string };
  /** Names of the permissions the bot lacks here, e.g. ["Manage Messages"]; empty when it may delete. */
  missingPermissions(): string[];
  /** Up to 100 message ids older than `before` (newest first); the newest when `before` is null. */
  page(before: string | null): Promise<string[]>;
  bulkDelete(ids: string[]): Promise<void>;
  deleteOne(id: string): Promise<void>;
}

const NEEDED: Array<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
];

export function discordDeleteTarget(channel: GuildBasedChannel): DeleteTarget {
  const rest = channel.client.rest;
  return {
    channel: { id: channel.id, name: channel.name, guild: channel.guild.name },
    missingPermissions: () => {
      const me = channel.guild.members.me;
      const perms = me ? channel.permissionsFor(me) : null;
      return NEEDED.filter(([flag]) => !perms?.has(flag)).map(([, name]) => name);
    },
    page: async (before) => {
      const query = new URLSearchParams({ limit: '100', ...(before ? { before } : {}) });
      const list = (await rest.get(Routes.channelMessages(channel.id), { query })) as Array<{ id: string }>;
      return list.map((m) => m.id);
    },
    bulkDelete: async (ids) => {
      await rest.post(Routes.channelBulkDelete(channel.id), { body: { messages: ids } });
    },
    deleteOne: async (id) => {
      await rest.delete(Routes.channelMessage(channel.id, id));
    },
  };
}
