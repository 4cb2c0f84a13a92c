// The REST half of the fake: just the routes the product and discord.js's login path use,
// with Discord's error bodies so the client maps them to the same errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleDeletes, type DeleteContext } from './deletes.js';
import { PERMISSION } from './permissions.js';
import type { SessionStartLimit } from './session-limit.js';
import { hasContentPrivilege } from './app-flags.js';
import { channelJson, guildJson, memberJson, userJson } from './guild-json.js';
import { messageJson } from './message-json.js';
import type { FakeBot, FakeChannel, FakeMessage } from './model.js';
import type { State } from './state.js';

export interface RestContext {
  state: State;
  gatewayUrl: () => string;
  /** session_start_limit for a token; it decreases with each IDENTIFY. */
  sessionStartLimit: (token: string) => SessionStartLimit;
  unhandledRoutes: string[];
  createMessage: (channelId: string, authorId: string, content: string) => FakeMessage;
  /** Dispatches MESSAGE_DELETE / MESSAGE_DELETE_BULK for what a delete route removed. */
  deleted?: DeleteContext['deleted'];
}

class HttpError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message: string,
  ) {}
}

const unknownChannel = () => new HttpError(404, 10003, 'Unknown Channel');
const missingAccess = () => new HttpError(403, 50001, 'Missing Access');
const invalidForm = () => new HttpError(400, 50035, 'Invalid Form Body');

export async function handleRest(ctx: RestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = req.method ?? 'GET';
  // undici sends @me as %40me; Discord accepts both.
  const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
  let headers: Record<string, string> = {};
  try {
    const bot = authenticate(ctx.state, req.headers.authorization);
    const verdict = ctx.state.rateLimits.check(method, path);
    headers = verdict.headers;
    if (verdict.limited) return reply(res, 429, verdict.limited, headers);
    if (verdict.unavailable) return reply(res, 503, { message: 'Service Unavailable', code: 0 }, headers);
    const body = method === 'POST' || method === 'PATCH' || method === 'PUT' ? await readJson(req) : undefined;
    const del = handleDeletes({ state: ctx.state, permissions: ctx.state.permissions, deleted: ctx.deleted ?? (() => undefined) }, bot, method, path, body);
    if (del) return del.status === 204 ? void res.writeHead(204, headers).end() : reply(res, del.status, del.body, headers);
    const result = route(ctx, bot, method, path, url.searchParams, body);
    if (result === undefined) {
      ctx.unhandledRoutes.push(`${method} ${url.pathname}${url.search}`);
      throw new HttpError(404, 0, '404: Not Found');
    }
    reply(res, 200, result, headers);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    reply(res, err.status, { message: err.message, code: err.code }, headers);
  }
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function authenticate(state: State, header: string | undefined): FakeBot {
  const token = header?.startsWith('Bot ') ? header.slice(4) : undefined;
  const bot = token === undefined ? undefined : state.bots.get(token);
  if (!bot) throw new HttpError(401, 0, '401: Unauthorized');
  return bot;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 50109, 'The request body contains invalid JSON.');
  }
}

/** Returns the JSON to send, or undefined for a route the fake does not know. */
function route(
  ctx: RestContext,
  bot: FakeBot,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): unknown {
  const { state } = ctx;
  const get = method === 'GET';
  // docs: Gateway → Get Gateway Bot; plain Get Gateway has the url only.
  if (get && path === '/gateway/bot') return { url: ctx.gatewayUrl(), shards: 1, session_start_limit: ctx.sessionStartLimit(bot.token) };
  if (get && path === '/gateway') return { url: ctx.gatewayUrl() };
  if (get && path === '/users/@me') return userJson(bot.user);
  if (get && path === '/applications/@me') {
    const owner = bot.ownerId ? state.users.get(bot.ownerId) : undefined;
    return { id: bot.user.id, name: bot.user.username, flags: bot.applicationFlags, bot: userJson(bot.user), ...(owner ? { owner: userJson(owner) } : {}) };
  }

  const guildMatch = /^\/guilds\/(\d+)$/.exec(path);
  if (get && guildMatch?.[1] !== undefined) {
    const guild = state.guilds.get(guildMatch[1]);
    if (!guild) throw new HttpError(404, 10004, 'Unknown Guild');
    if (!guild.memberIds.includes(bot.user.id)) throw missingAccess();
    return guildJson(state, guild);
  }

  // Get Guild Member (docs/resources/guild): the member with its user, nick when one is set.
  const memberMatch = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path);
  if (get && memberMatch?.[1] !== undefined && memberMatch[2] !== undefined) {
    const guild = state.guilds.get(memberMatch[1]);
    if (!guild) throw new HttpError(404, 10004, 'Unknown Guild');
    if (!guild.memberIds.includes(bot.user.id)) throw missingAccess();
    if (!guild.memberIds.includes(memberMatch[2])) throw new HttpError(404, 10007, 'Unknown Member');
    return memberJson(state, memberMatch[2], true, guild.id);
  }

  const channelMatch = /^\/channels\/(\d+)(\/messages(?:\/(\d+))?)?$/.exec(path);
  if (!channelMatch?.[1]) return undefined;
  const channel = accessibleChannel(state, bot, channelMatch[1]);
  const [, , messagesPart, messageId] = channelMatch;
  if (get && !messagesPart) {
    return channelJson(state, channel, state.guilds.get(channel.guildId)?.channels.indexOf(channel) ?? 0);
  }
  if (!messagesPart) return undefined;
  if (channel.type === 4) throw new HttpError(400, 50024, 'Cannot execute action on this channel type');
  const seesContent = (m: FakeMessage) => hasContentPrivilege(bot) || m.authorId === bot.user.id;
  const visible = (state.messages.get(channel.id) ?? []).filter((m) => !m.deleted);
  // docs/resources/message, Get Channel Messages: VIEW_CHANNEL is required (else 403, code 50001
  // "Missing Access", docs/topics/opcodes-and-status-codes); without READ_MESSAGE_HISTORY "no
  // messages will be returned" (an empty list, not an error). Get Channel Message needs both.
  const perms = state.permissions.inChannel(channel, bot.user.id);
  const readsHistory = (perms & PERMISSION.READ_MESSAGE_HISTORY) !== 0n;
  if (get && (perms & PERMISSION.VIEW_CHANNEL) === 0n) throw missingAccess();

  if (get && messageId !== undefined) {
    if (!readsHistory) throw missingAccess();
    const m = visible.find((x) => x.id === messageId);
    if (!m) throw new HttpError(404, 10008, 'Unknown Message');
    return messageJson(state, m, seesContent(m));
  }
  if (get) return readsHistory ? pickMessages(visible, query).map((m) => messageJson(state, m, seesContent(m))) : [];
  if (method === 'POST' && messageId === undefined) {
    const content = (body as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || content === '') throw new HttpError(400, 50006, 'Cannot send an empty message');
    if (content.length > 2000) throw invalidForm();
    return messageJson(state, ctx.createMessage(channel.id, bot.user.id, content), true);
  }
  return undefined;
}

function accessibleChannel(state: State, bot: FakeBot, id: string): FakeChannel {
  const channel = state.channels.get(id);
  if (!channel) throw unknownChannel();
  if (!state.isMember(channel.guildId, bot.user.id)) throw missingAccess();
  return channel;
}

/** Discord's paging: always newest first; `after` means the oldest ones just after the id. */
function pickMessages(oldestFirst: FakeMessage[], query: URLSearchParams): FakeMessage[] {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? 50 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidForm();
  const anchor = (name: string): bigint | null => {
    const v = query.get(name);
    if (v === null) return null;
    if (!/^\d+$/.test(v)) throw invalidForm();
    return BigInt(v);
  };
  const before = anchor('before');
  const after = anchor('after');
  const around = anchor('around');
  const id = (m: FakeMessage) => BigInt(m.id);
  let picked: FakeMessage[];
  if (around !== null) {
    const at = oldestFirst.findIndex((m) => id(m) >= around);
    const centre = at === -1 ? oldestFirst.length : at;
    const start = Math.max(0, centre - Math.floor(limit / 2));
    picked = oldestFirst.slice(start, start + limit);
  } else if (before !== null) {
    picked = oldestFirst.filter((m) => id(m) < before).slice(-limit);
  } else if (after !== null) {
    picked = oldestFirst.filter((m) => id(m) > after).slice(0, limit);
  } else {
    picked = oldestFirst.slice(-limit);
  }
  return picked.reverse();
}
