// A protocol-level fake Discord (REST + gateway + a tiny CDN) on one local HTTP port, driven
// by the real discord.js client in tests and the demo. Only `ws` and node:* are imported so
// the demo can bundle it.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import { Gateway } from './gateway.js';
import { handleCdn } from './cdn.js';
import { postAt } from './deletes.js';
import type { FakePermissions } from './permissions.js';
import { handleRest } from './rest.js';
import type { SessionStartLimit } from './session-limit.js';
import type { RateLimitOptions } from './rate-limits.js';
import { APP_FLAG } from './app-flags.js';
import { discordTimestamp, type FakeAttachment, type FakeChannel, type FakeGuild, type FakeMessage, type FakeUser, type Json } from './model.js';
import { State } from './state.js';

export type { RateLimitOptions } from './rate-limits.js';
export type { FakeAttachment, FakeChannel, FakeGuild, FakeMessage, FakeUser } from './model.js';

export interface FakeDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** HELLO's heartbeat_interval; Discord uses 41250, tests want ~1000. */
  heartbeatIntervalMs?: number;
}

export interface NewAttachment {
  /** Chosen by the test when something else must name it (a File component's attachment_id); else a new snowflake. */
  id?: string;
  filename: string;
  size: number;
  contentType?: string;
  width?: number;
  height?: number;
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(opts.heartbeatIntervalMs ?? 41250);
  await fake.listen(opts.port ?? 0);
  return fake;
}

export class FakeDiscord {
  /** Routes discord.js called that the fake does not implement ("GET /api/v10/..."). */
  readonly unhandledRoutes: string[] = [];
  private readonly state = new State();
  private readonly changes = new EventEmitter().setMaxListeners(0);
  private readonly gateway: Gateway;
  private server: Server | null = null;
  private boundPort = 0;

  constructor(heartbeatIntervalMs: number) {
    this.gateway = new Gateway(this.state, {
      heartbeatIntervalMs,
      url: () => this.gatewayUrl,
      onChange: () => this.changes.emit('change'),
    });
  }

  get port(): number {
    return this.boundPort;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.boundPort}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.boundPort}/gateway`;
  }
  /** Pass as discord.js `rest: { cdn }` so avatar URLs resolve offline. */
  get cdnUrl(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  // ---- world building ----

  addBot(b: { token: string; id?: string; username?: string; applicationFlags?: number }): FakeUser {
    if (this.state.bots.has(b.token)) throw new Error(`fake-discord: bot token already added`);
    const user = this.putUser({ id: b.id, username: b.username ?? 'Fake Bot', globalName: null, avatar: null }, true);
    const applicationFlags = b.applicationFlags ?? APP_FLAG.GATEWAY_MESSAGE_CONTENT_LIMITED;
    this.state.bots.set(b.token, { token: b.token, user, applicationFlags, identifyClose: null });
    return { ...user };
  }

  /** The user who owns the bot's application (GET /applications/@me `owner`). */
  setApplicationOwner(token: string, userId: string): void {
    const bot = this.state.bots.get(token);
    if (!bot || !this.state.users.has(userId)) throw new Error('fake-discord: setApplicationOwner needs a known token and user');
    bot.ownerId = userId;
  }

  addUser(u: { id?: string; username: string; globalName?: string; avatar?: string | null }): FakeUser {
    return { ...this.putUser({ ...u, globalName: u.globalName ?? null, avatar: u.avatar ?? null }, false) };
  }

  addGuild(g: {
    id?: string;
    name: string;
    channels: Array<{ id?: string; name: string; type?: number; parentId?: string }>;
    members?: string[];
  }): FakeGuild {
    const id = g.id ?? this.state.snowflake();
    const memberIds = [...(g.members ?? [])];
    for (const m of memberIds) if (!this.state.users.has(m)) throw new Error(`fake-discord: unknown member ${m}`);
    const humans = memberIds.filter((m) => !this.state.users.get(m)?.bot);
    const channels: FakeChannel[] = g.channels.map((c) => ({
      id: c.id ?? this.state.snowflake(),
      name: c.name,
      type: c.type ?? 0,
      guildId: id,
      parentId: c.parentId ?? null,
    }));
    const guild: FakeGuild = { id, name: g.name, ownerId: humans[0] ?? memberIds[0] ?? this.state.snowflake(), channels, memberIds, nicks: {} };
    this.state.guilds.set(id, guild);
    for (const c of channels) {
      this.state.channels.set(c.id, c);
      this.state.messages.set(c.id, []);
    }
    this.gateway.guildAdded(guild);
    return structuredClone(guild);
  }

  setIdentifyClose(token: string, code: number | null): void {
    const bot = this.state.bots.get(token);
    if (!bot) throw new Error('fake-discord: setIdentifyClose for a token that was never added');
    bot.identifyClose = code;
  }

  // ---- messages ----

  postMessage(
    channelId: string,
    m: { authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json },
  ): FakeMessage {
    if (!this.state.users.has(m.authorId)) throw new Error(`fake-discord: unknown author ${m.authorId}`);
    return structuredClone(this.createMessage(channelId, m.authorId, m.content, m.attachments ?? [], m.extra));
  }

  /**
   * A user reacts (or takes the reaction back): the message's `reactions` change as Discord counts them
   * (docs/resources/message, Reaction Object) and MESSAGE_REACTION_ADD/REMOVE goes out.
   */
  react(channelId: string, id: string, userId: string, emoji: { id: string | null; name: string; animated?: boolean }, remove = false): void {
    const m = this.findMessage(channelId, id);
    const reactions = ((m.extra ??= {}).reactions ??= []) as { count: number; count_details: { burst: number; normal: number }; me: boolean; me_burst: boolean; emoji: Json; burst_colors: string[] }[];
    const same = (e: Json) => (emoji.id ? e.id === emoji.id : e.id === null && e.name === emoji.name);
    let r = reactions.find((x) => same(x.emoji));
    if (!r && remove) return;
    if (!r) reactions.push((r = { count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, emoji: { ...emoji }, burst_colors: [] }));
    r.count += remove ? -1 : 1;
    r.count_details.normal = r.count;
    if (r.count === 0) reactions.splice(reactions.indexOf(r), 1);
    const d = { user_id: userId, channel_id: channelId, message_id: id, guild_id: m.guildId, emoji, burst: false, type: 0 };
    this.gateway.dispatchReaction(m.guildId, remove ? 'MESSAGE_REACTION_REMOVE' : 'MESSAGE_REACTION_ADD', d);
  }

  editMessage(channelId: string, id: string, content: string): void {
    const m = this.findMessage(channelId, id);
    m.content = content;
    m.editedTimestamp = new Date().toISOString();
    this.gateway.dispatchMessage('MESSAGE_UPDATE', m);
  }

  /** A link preview resolved: Discord sends a partial MESSAGE_UPDATE with edited_timestamp null. */
  addEmbed(channelId: string, id: string, embed: Record<string, unknown>): void {
    const m = this.findMessage(channelId, id);
    m.embeds.push(embed);
    this.gateway.dispatchPartialUpdate(m, { embeds: m.embeds, edited_timestamp: m.editedTimestamp === null ? null : discordTimestamp(m.editedTimestamp) });
  }

  /** Edits or deletes without any gateway event: what happens while the app is not connected. */
  editOffline(channelId: string, id: string, content: string): void {
    const m = this.findMessage(channelId, id);
    m.content = content;
    m.editedTimestamp = new Date().toISOString();
  }
  deleteOffline(channelId: string, id: string): void {
    this.findMessage(channelId, id).deleted = true;
  }

  /** Adds many messages at once without gateway events (a backlog posted while the app was off). */
  postBacklog(channelId: string, authorIds: string[], count: number, text = (i: number) => `missed ${i}`): FakeMessage[] {
    const list = this.state.messages.get(channelId);
    const channel = this.state.channels.get(channelId);
    if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
    const now = new Date().toISOString();
    const made: FakeMessage[] = [];
    for (let i = 0; i < count; i++) {
      const authorId = authorIds[i % authorIds.length]!;
      const m: FakeMessage = { id: this.state.snowflake(), channelId, guildId: channel.guildId, authorId, content: text(i), timestamp: now, editedTimestamp: null, attachments: [], embeds: [], deleted: false };
      list.push(m);
      made.push(m);
    }
    return structuredClone(made);
  }

  /**
   * Messages posted long ago, spread evenly from `fromMs` to `toMs`, without gateway events (history a
   * backfill reads). Their snowflakes carry their time, as Discord's do.
   */
  postHistory(channelId: string, authorIds: string[], count: number, fromMs: number, toMs: number, text = (i: number) => `old ${i}`): FakeMessage[] {
    const list = this.state.messages.get(channelId);
    const channel = this.state.channels.get(channelId);
    if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
    const made: FakeMessage[] = [];
    for (let i = 0; i < count; i++) {
      const at = Math.round(fromMs + ((toMs - fromMs) * i) / Math.max(1, count - 1));
      // The low 22 bits keep ids unique when two messages share a millisecond.
      const id = (((BigInt(at) - 1_420_070_400_000n) << 22n) | BigInt(i % 4_194_304)).toString();
      made.push({ id, channelId, guildId: channel.guildId, authorId: authorIds[i % authorIds.length]!, content: text(i), timestamp: new Date(at).toISOString(), editedTimestamp: null, attachments: [], embeds: [], deleted: false });
    }
    list.push(...made);
    list.sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
    return structuredClone(made);
  }

  /**
   * Full messages (attachments, mentions, embeds, replies, reactions in `extra`) posted at `at` (epoch ms)
   * without gateway events, e.g. the demo's weeks of history. Ids carry their time, as Discord's do.
   */
  postPast(channelId: string, items: ReadonlyArray<{ at: number; authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json }>): FakeMessage[] {
    const list = this.state.messages.get(channelId);
    const channel = this.state.channels.get(channelId);
    if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
    const made = items.map((m, i): FakeMessage => {
      if (!this.state.users.has(m.authorId)) throw new Error(`fake-discord: unknown author ${m.authorId}`);
      const id = (((BigInt(Math.round(m.at)) - 1_420_070_400_000n) << 22n) | BigInt(i % 4_194_304)).toString();
      const attachments = (m.attachments ?? []).map((f) => ({ id: this.state.snowflake(), filename: f.filename, size: f.size, contentType: f.contentType ?? null, width: f.width ?? null, height: f.height ?? null }));
      return { id, channelId, guildId: channel.guildId, authorId: m.authorId, content: m.content, timestamp: new Date(m.at).toISOString(), editedTimestamp: null, attachments, embeds: [], deleted: false, ...(m.extra ? { extra: m.extra } : {}) };
    });
    list.push(...made);
    list.sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : BigInt(x.id) > BigInt(y.id) ? 1 : 0));
    return made.map((m) => ({ ...m }));
  }

  /** Sets a member's server nickname (member.nick); null removes it. */
  setNickname(guildId: string, userId: string, nick: string | null): void {
    const guild = this.state.guilds.get(guildId);
    if (!guild?.memberIds.includes(userId)) throw new Error(`fake-discord: ${userId} is not a member of ${guildId}`);
    if (nick === null) delete guild.nicks[userId];
    else guild.nicks[userId] = nick;
  }

  /** Switches rate limits per test (RateLimitOptions): bucket size, global limit, a 429 storm, a REST outage. Headers are always sent. */
  setRateLimits(opts: RateLimitOptions): void {
    this.state.rateLimits.configure(opts);
  }
  /** REST requests answered so far, by "METHOD /path" without the query (429s included). */
  restRequests(): ReadonlyMap<string, number> {
    return this.state.rateLimits.requests;
  }

  /** Roles, grants and channel overwrites; set them before the bot connects (no update events are sent). */
  get permissions(): FakePermissions {
    return this.state.permissions;
  }

  /**
   * Withholds a permission from a user (the bot) in a channel, or gives it back: a member overwrite
   * denying it, announced with CHANNEL_UPDATE so a connected client recomputes its permissions.
   */
  withholdPermission(channelId: string, userId: string, flag: bigint, withheld = true): void {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`fake-discord: no channel ${channelId}`);
    this.state.permissions.setOverwrite(channelId, { id: userId, type: 1, allow: 0n, deny: withheld ? flag : 0n });
    this.gateway.channelUpdated(channel, this.state.guilds.get(channel.guildId)?.channels.indexOf(channel) ?? 0);
  }

  /** Messages by `authorId` at the given times (epoch ms), e.g. older than two weeks; no gateway events. */
  postAt(channelId: string, authorId: string, times: number[]): FakeMessage[] {
    return structuredClone(postAt(this.state, channelId, authorId, times));
  }

  deleteMessage(channelId: string, id: string): void {
    const m = this.findMessage(channelId, id);
    m.deleted = true;
    this.gateway.dispatchDelete(m);
  }

  /** Oldest first, deleted ones left out. */
  messages(channelId: string): FakeMessage[] {
    return structuredClone((this.state.messages.get(channelId) ?? []).filter((m) => !m.deleted));
  }

  /** The guild a channel belongs to (a copy), for helpers such as the demo chatter. */
  guildOfChannel(channelId: string): FakeGuild | undefined {
    const guild = this.state.guilds.get(this.state.channels.get(channelId)?.guildId ?? '');
    return guild && structuredClone(guild);
  }

  user(id: string): FakeUser | undefined {
    const u = this.state.users.get(id);
    return u && { ...u };
  }

  // ---- session statistics ----

  liveSessions(token: string): number {
    return this.gateway.liveSessions(token);
  }
  maxConcurrentSessions(token: string): number {
    return this.gateway.stat(token).maxLive;
  }
  /** IDENTIFY payloads received, including refused ones. */
  identifyCount(token: string): number {
    return this.gateway.stat(token).identifies;
  }
  /** RESUME payloads received, including ones answered with op 9. */
  resumeCount(token: string): number {
    return this.gateway.stat(token).resumes;
  }
  /** Close codes of this token's sockets as the server saw them; 1006 means no close frame. */
  closeCodes(token: string): number[] {
    return [...this.gateway.stat(token).closeCodes];
  }
  resetStats(): void {
    this.gateway.resetStats();
    this.unhandledRoutes.length = 0;
  }

  // ---- failure injection ----

  dropConnections(): void {
    this.gateway.dropConnections();
  }
  invalidateSessions(): void {
    this.gateway.invalidateSessions();
  }
  /** Sends op 7 RECONNECT to every connected session. */
  sendReconnect(): void {
    this.gateway.sendReconnect();
  }
  setSilent(silent: boolean): void {
    this.gateway.setSilent(silent);
  }
  /** Gateway unreachable for `ms`: live sockets are cut and new connections refused (ECONNRESET). */
  outage(ms: number): void {
    this.gateway.outage(ms);
  }
  inOutage(): boolean {
    return this.gateway.inOutage();
  }
  /** Sends op 9 INVALID_SESSION to every live session (d = resumable). */
  sendInvalidSession(resumable: boolean): void {
    this.gateway.sendInvalidSession(resumable);
  }
  /** Sends op 1: clients must heartbeat immediately. */
  requestHeartbeat(): void {
    this.gateway.requestHeartbeat();
  }
  /** Closes every live session with a gateway close code (4000, 4007, 4008, 4009, ...). */
  closeSessions(code: number): void {
    this.gateway.closeSessions(code);
  }
  /** While on, RESUME is never answered (neither RESUMED nor op 9). */
  setResumeUnanswered(on: boolean): void {
    this.gateway.setResumeUnanswered(on);
  }
  /** Overrides the token's session_start_limit (e.g. nearly exhausted). */
  setSessionStartLimit(token: string, limit: { total?: number; remaining?: number; resetAfterMs?: number }): void {
    this.gateway.limits.set(token, limit);
  }
  /** What `/gateway/bot` reports for the token right now. */
  sessionStartLimit(token: string): SessionStartLimit {
    return this.gateway.limits.limitFor(token);
  }
  /** Epoch ms of every IDENTIFY the token sent. */
  identifyTimes(token: string): number[] {
    return this.gateway.limits.identifyTimes(token);
  }
  /** op 1 heartbeats received from this token's sockets. */
  heartbeatCount(token: string): number {
    return this.gateway.stat(token).heartbeats;
  }
  /** Gateway connection attempts so far, refused ones included. */
  connectionAttempts(): number {
    return this.gateway.connectionAttempts();
  }
  /** Samples liveSessions(token) every `everyMs` until stopped; the answer is the highest count seen. */
  sampleLiveSessions(token: string, everyMs = 5): { stop(): { max: number; samples: number } } {
    let max = this.liveSessions(token);
    let samples = 1;
    const timer = setInterval(() => {
      max = Math.max(max, this.liveSessions(token));
      samples++;
    }, everyMs);
    return {
      stop: () => {
        clearInterval(timer);
        max = Math.max(max, this.liveSessions(token));
        return { max, samples: samples + 1 };
      },
    };
  }

  /** Resolves once predicate() is true; re-checked on every fake state change and every 20 ms. */
  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      let lastError: unknown;
      const check = () => {
        try {
          if (predicate()) finish();
        } catch (err) {
          lastError = err; // e.g. a cache not filled yet: keep waiting, report it on timeout
        }
      };
      const finish = (err?: Error) => {
        clearTimeout(timer);
        // Client-side caches change without the fake hearing about it, hence the light poll too.
        clearInterval(poll);
        this.changes.off('change', check);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => {
        const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
        finish(new Error(`fake-discord waitFor timed out after ${timeoutMs} ms: ${predicate.toString()}${why}`));
      }, timeoutMs);
      const poll = setInterval(check, 20);
      this.changes.on('change', check);
      check();
    });
  }

  // ---- lifecycle ----

  async listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      const fail = (err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(err), code: 0 }));
      };
      if (req.url?.startsWith('/api/')) {
        handleRest(this.restContext(), req, res).catch(fail);
      } else if (!handleCdn(this.state, req, res)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
      }
    });
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://fake').pathname === '/gateway') this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : port;
    this.state.cdnUrl = this.cdnUrl;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.gateway.dropConnections();
    this.gateway.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let the sockets' close handlers run so stats reflect the shutdown before we return.
    await this.waitFor(() => this.gateway.connectionCount() === 0, 2000).catch(() => undefined);
  }

  /** close() then listen again on the same port, keeping all state (sessions stay resumable). */
  async restart(): Promise<void> {
    await this.close();
    await this.listen(this.boundPort);
  }

  // ---- internals ----

  private putUser(u: { id?: string; username: string; globalName: string | null; avatar: string | null }, bot: boolean): FakeUser {
    const user: FakeUser = { id: u.id ?? this.state.snowflake(), username: u.username, globalName: u.globalName, avatar: u.avatar, bot };
    if (this.state.users.has(user.id)) throw new Error(`fake-discord: user ${user.id} already exists`);
    this.state.users.set(user.id, user);
    return user;
  }

  private createMessage(channelId: string, authorId: string, content: string, files: NewAttachment[], extra?: Json): FakeMessage {
    const channel = this.state.channels.get(channelId);
    const list = this.state.messages.get(channelId);
    if (!channel || !list || channel.type === 4) throw new Error(`fake-discord: no text channel ${channelId}`);
    const attachments: FakeAttachment[] = files.map((f) => ({
      id: f.id ?? this.state.snowflake(),
      filename: f.filename,
      size: f.size,
      contentType: f.contentType ?? null,
      width: f.width ?? null,
      height: f.height ?? null,
    }));
    const message: FakeMessage = {
      id: this.state.snowflake(),
      channelId,
      guildId: channel.guildId,
      authorId,
      content,
      timestamp: new Date().toISOString(),
      editedTimestamp: null,
      attachments,
      embeds: [],
      deleted: false,
      ...(extra ? { extra: structuredClone(extra) } : {}),
    };
    list.push(message);
    this.gateway.dispatchMessage('MESSAGE_CREATE', message);
    return message;
  }

  private findMessage(channelId: string, id: string): FakeMessage {
    const m = this.state.messages.get(channelId)?.find((x) => x.id === id && !x.deleted);
    if (!m) throw new Error(`fake-discord: no message ${id} in channel ${channelId}`);
    return m;
  }

  private restContext() {
    return {
      state: this.state,
      gatewayUrl: () => this.gatewayUrl,
      sessionStartLimit: (token: string) => this.gateway.limits.limitFor(token),
      unhandledRoutes: this.unhandledRoutes,
      createMessage: (channelId: string, authorId: string, content: string) =>
        this.createMessage(channelId, authorId, content, []),
      deleted: (channel: FakeChannel, messages: FakeMessage[], bulk: boolean) =>
        bulk ? this.gateway.dispatchDeleteBulk(channel.guildId, channel.id, messages.map((m) => m.id)) : this.gateway.dispatchDelete(messages[0]!),
    };
  }
}
