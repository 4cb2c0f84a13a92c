// Deleting messages as documented in docs/resources/message: "Delete Message" (204; MANAGE_MESSAGES
// unless the bot wrote it; MESSAGE_DELETE) and "Bulk Delete Messages" (204; MANAGE_MESSAGES; 2–100
// ids, unknown ids counting toward both bounds; 400 if any is older than 2 weeks or repeated;
// MESSAGE_DELETE_BULK). Every refusal deletes nothing.
import { PERMISSION, type FakePermissions } from './permissions.js';
import type { FakeBot, FakeChannel, FakeMessage } from './model.js';
import type { State } from './state.js';

const DISCORD_EPOCH = 1420070400000n;
const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;

export interface DeleteContext {
  state: State;
  permissions: FakePermissions;
  deleted: (channel: FakeChannel, messages: FakeMessage[], bulk: boolean) => void;
}

type Answer = { status: number; body?: unknown };
const error = (status: number, code: number, message: string): Answer => ({ status, body: { message, code } });

const snowflakeTime = (id: string) => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);

/** An answer for the two delete routes, or undefined for any other request. */
export function handleDeletes(ctx: DeleteContext, bot: FakeBot, method: string, path: string, body: unknown): Answer | undefined {
  const single = method === 'DELETE' ? /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path) : null;
  const bulk = method === 'POST' ? /^\/channels\/(\d+)\/messages\/bulk-delete$/.exec(path) : null;
  const channelId = single?.[1] ?? bulk?.[1];
  if (channelId === undefined) return undefined;
  const channel = ctx.state.channels.get(channelId);
  if (!channel) return error(404, 10003, 'Unknown Channel');
  if (!ctx.state.isMember(channel.guildId, bot.user.id)) return error(403, 50001, 'Missing Access');
  const perms = ctx.permissions.inChannel(channel, bot.user.id);
  if (!(perms & PERMISSION.VIEW_CHANNEL)) return error(403, 50001, 'Missing Access');
  const list = ctx.state.messages.get(channel.id) ?? [];
  const canManage = (perms & PERMISSION.MANAGE_MESSAGES) !== 0n;

  if (single) {
    const m = list.find((x) => x.id === single[2] && !x.deleted);
    if (!m) return error(404, 10008, 'Unknown Message');
    if (m.authorId !== bot.user.id && !canManage) return error(403, 50013, 'Missing Permissions');
    m.deleted = true;
    ctx.deleted(channel, [m], false);
    return { status: 204 };
  }

  if (!canManage) return error(403, 50013, 'Missing Permissions');
  const ids = (body as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^\d{1,20}$/.test(id))) {
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { messages: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } } } };
  }
  if (ids.length < 2 || ids.length > 100) return error(400, 50016, 'You must provide at least 2 and fewer than 100 messages to delete.');
  if (new Set(ids).size !== ids.length) return error(400, 50035, 'Invalid Form Body: duplicate message ids');
  // Measured on Discord's clock, not the app's.
  if (ids.some((id) => snowflakeTime(id) < ctx.state.now() - TWO_WEEKS_MS)) return error(400, 50034, 'You can only bulk delete messages that are under 14 days old.');
  const wanted = new Set(ids);
  const found = list.filter((m) => wanted.has(m.id) && !m.deleted);
  for (const m of found) m.deleted = true;
  if (found.length) ctx.deleted(channel, found, true);
  return { status: 204 };
}

/** Messages at chosen times (e.g. older than two weeks), kept in id order as the REST paging expects. */
export function postAt(state: State, channelId: string, authorId: string, times: number[]): FakeMessage[] {
  const channel = state.channels.get(channelId);
  const list = state.messages.get(channelId);
  if (!channel || !list) throw new Error(`fake-discord: no text channel ${channelId}`);
  const made = times.map((t, i): FakeMessage => ({
    id: (((BigInt(t) - DISCORD_EPOCH) << 22n) + BigInt(i % 4096)).toString(),
    channelId,
    guildId: channel.guildId,
    authorId,
    content: `message from ${new Date(t).toISOString()}`,
    timestamp: new Date(t).toISOString(),
    editedTimestamp: null,
    attachments: [],
    embeds: [],
    deleted: false,
  }));
  list.push(...made);
  list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
  return made;
}
