// What "delete all" needs from Discord, through the connected discord.js client: the bot's
// permissions in the channel as discord.js computes them (roles + channel overwrites), the
// channel's messages page by page, and the two delete routes. client.rest queues requests per
// rate-limit bucket and retries 429s, so deleting runs at Discord's pace.
import { PermissionFlagsBits, Routes, type GuildBasedChannel } from 'discord.js';
import { coreText, type I18nText } from '../../../../shared/core-text.js';
import type { HistorySource } from '../../history/discord-source.js';

export interface DeleteTarget {
  channel: { id: string; name: string; guild: string };
  /** Names of the permissions the bot lacks here, e.g. ["Manage Messages"]; empty when it may delete. */
  missingPermissions(): string[];
  /**
   * Up to 100 message ids older than `before` (newest first); the newest when `before` is null. Those
   * messages are stored first: the backup holds only what was stored, and a message deleted without
   * a copy would be lost (the first load stores the newest 50). Throws when they cannot be saved.
   */
  page(before: string | null): Promise<string[]>;
  bulkDelete(ids: string[]): Promise<void>;
  deleteOne(id: string): Promise<void>;
}

const NEEDED: Array<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
];

const NAME_KEYS = new Map<string, 'permission.viewChannel' | 'permission.readMessageHistory' | 'permission.manageMessages'>([
  ['View Channel', 'permission.viewChannel'],
  ['Read Message History', 'permission.readMessageHistory'],
  ['Manage Messages', 'permission.manageMessages'],
]);

/** Discord's names of these permissions as its own client words them in the panel's language, listed ("A, B and C"). */
export function permissionList(names: readonly string[]): I18nText | string {
  const said = names.map((n) => { const key = NAME_KEYS.get(n); return key ? coreText(key).i18n : n; });
  const [a, b, c] = said;
  if (said.length === 3) return coreText('list.three', { a: a!, b: b!, c: c! }).i18n;
  if (said.length === 2) return coreText('list.two', { a: a!, b: b! }).i18n;
  return a ?? '';
}

/** Said when the page about to be deleted could not be saved first: nothing of it is deleted. */
export class NotSavedError extends Error {
  constructor(readonly i18n: ReturnType<typeof coreText>['i18n'], text: string) {
    super(text);
  }
}

export function discordDeleteTarget(channel: GuildBasedChannel, source: HistorySource): DeleteTarget {
  const rest = channel.client.rest;
  return {
    channel: { id: channel.id, name: channel.name, guild: channel.guild.name },
    missingPermissions: () => {
      const me = channel.guild.members.me;
      const perms = me ? channel.permissionsFor(me) : null;
      return NEEDED.filter(([flag]) => !perms?.has(flag)).map(([, name]) => name);
    },
    page: async (before) => {
      // The bot's own messages too: the panel leaves them out, but they are deleted with the rest.
      const page = await source.fetchBefore(before, 100, { withOwn: true });
      source.store(page.messages);
      // Held in memory (a disk fault) is not a copy: a crash would lose them with Discord's.
      const unsaved = source.unsaved();
      if (unsaved) throw new NotSavedError(unsaved.i18n, unsaved.text);
      return page.ids;
    },
    bulkDelete: async (ids) => {
      await rest.post(Routes.channelBulkDelete(channel.id), { body: { messages: ids } });
    },
    deleteOne: async (id) => {
      await rest.delete(Routes.channelMessage(channel.id, id));
    },
  };
}
