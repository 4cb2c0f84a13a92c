// A protocol-level fake Discord (REST + gateway + a tiny CDN) on one local HTTP port, driven
// by the real discord.js client in tests and the demo. Only `ws` and node:* are imported so
// the demo can bundle it. FakeDiscord is the one face tests use; each concern is in its own module:
// world.ts, live-messages.ts, past-messages.ts, controls.ts (gateway), http-server.ts, rest.ts, cdn.ts.
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { handleCdn } from './cdn.js';
import { FakeGatewayControls } from './controls.js';
import { postAt } from './deletes.js';
import { Gateway } from './gateway.js';
import { listenFake } from './http-server.js';
import * as live from './live-messages.js';
import type { NewAttachment } from './live-messages.js';
import type { FakeChannel, FakeGuild, FakeMessage, FakeUser, Json } from './model.js';
import * as past from './past-messages.js';
import type { FakePermissions } from './permissions.js';
import type { RateLimitOptions } from './rate-limits.js';
import { handleRest } from './rest.js';
import { State } from './state.js';
import { waitForChange } from './wait-for.js';
import * as setup from './world.js';

export type { RateLimitOptions } from './rate-limits.js';
export type { FakeAttachment, FakeChannel, FakeGuild, FakeMessage, FakeUser } from './model.js';
export type { NewAttachment } from './live-messages.js';

export interface FakeDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** HELLO's heartbeat_interval; Discord uses 41250, tests want ~1000. */
  heartbeatIntervalMs?: number;
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(opts.heartbeatIntervalMs ?? 41250);
  await fake.listen(opts.port ?? 0);
  return fake;
}

export class FakeDiscord extends FakeGatewayControls {
  /** Routes discord.js called that the fake does not implement ("GET /api/v10/..."). */
  readonly unhandledRoutes: string[] = [];
  private readonly state = new State();
  private readonly changes = new EventEmitter().setMaxListeners(0);
  protected readonly gateway: Gateway;
  private readonly world: setup.FakeWorld;
  private server: Server | null = null;
  private boundPort = 0;

  constructor(heartbeatIntervalMs: number) {
    super();
    this.gateway = new Gateway(this.state, {
      heartbeatIntervalMs,
      url: () => this.gatewayUrl,
      onChange: () => this.changes.emit('change'),
    });
    this.world = { state: this.state, gateway: this.gateway };
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

  /**
   * Discord's clock runs `ms` ahead of the local one (negative: behind); snowflakes made from now on
   * follow it, even below ones made before (build the watched guild after this call).
   */
  setClockOffset(ms: number): void {
    this.state.setClockOffset(ms);
  }

  /**
   * Attachment URLs sent from now on expire `ms` later (Discord: about a day); 0 or less sends them already
   * expired, as a link received long ago is now. The CDN refuses an expired link with 404; the message
   * fetched again carries fresh ones (docs/reference.mdx, Signed Attachment CDN URLs).
   */
  expireAttachmentsAfter(ms: number): void {
    this.state.attachmentUrls.expireAfter(ms);
  }

  /** Pass as discord.js `rest: { cdn }` so avatar URLs resolve offline. */
  get cdnUrl(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  // ---- world building (world.ts) ----

  addBot(b: { token: string; id?: string; username?: string; applicationFlags?: number }): FakeUser {
    return setup.addBot(this.world, b);
  }

  /** The user who owns the bot's application (GET /applications/@me `owner`). */
  setApplicationOwner(token: string, userId: string): void {
    setup.setApplicationOwner(this.world, token, userId);
  }

  addUser(u: { id?: string; username: string; globalName?: string; avatar?: string | null }): FakeUser {
    return setup.addUser(this.world, u);
  }

  addGuild(g: {
    id?: string;
    name: string;
    channels: Array<{ id?: string; name: string; type?: number; parentId?: string }>;
    members?: string[];
  }): FakeGuild {
    return setup.addGuild(this.world, g);
  }

  setIdentifyClose(token: string, code: number | null): void {
    setup.setIdentifyClose(this.world, token, code);
  }

  /** Sets a member's server nickname (member.nick); null removes it. */
  setNickname(guildId: string, userId: string, nick: string | null): void {
    setup.setNickname(this.world, guildId, userId, nick);
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
    setup.withholdPermission(this.world, channelId, userId, flag, withheld);
  }

  /** A member leaves or is removed from a server (the bot kicked): GUILD_DELETE to its sessions (docs: Guild Delete). */
  removeMember(guildId: string, userId: string): void {
    setup.removeMember(this.world, guildId, userId);
  }

  /**
   * A server's outage on Discord's side: GUILD_DELETE with `unavailable: true` (to sessions up now, and after the
   * READY of any new one), no message of it reaches any session meanwhile; `back` ends it with the server's
   * GUILD_CREATE (docs: Guild Delete / Create). lazyGuild is the other case: a server only slow to be sent.
   */
  guildOutage(guildId: string, back = false): void {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new Error(`fake-discord: no guild ${guildId}`);
    this.world.gateway.guildOutage(guild, back);
  }

  /** Deletes a channel: CHANNEL_DELETE goes out, and the API answers Unknown Channel for it. */
  deleteChannel(channelId: string): void {
    setup.deleteChannel(this.world, channelId);
  }

  // ---- messages (live-messages.ts, past-messages.ts) ----

  postMessage(
    channelId: string,
    m: { authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json },
  ): FakeMessage {
    return live.postMessage(this.world, channelId, m);
  }

  /**
   * A user reacts (or takes the reaction back): the message's `reactions` change as Discord counts them
   * (docs/resources/message, Reaction Object) and MESSAGE_REACTION_ADD/REMOVE goes out.
   */
  react(channelId: string, id: string, userId: string, emoji: { id: string | null; name: string; animated?: boolean }, remove = false): void {
    live.react(this.world, channelId, id, userId, emoji, remove);
  }

  editMessage(channelId: string, id: string, content: string): void {
    live.editMessage(this.world, channelId, id, content);
  }

  /** A link preview resolved: Discord sends a partial MESSAGE_UPDATE with edited_timestamp null. */
  addEmbed(channelId: string, id: string, embed: Record<string, unknown>): void {
    live.addEmbed(this.world, channelId, id, embed);
  }

  /** Edits or deletes without any gateway event: what happens while the app is not connected. */
  editOffline(channelId: string, id: string, content: string): void {
    past.editOffline(this.world, channelId, id, content);
  }

  deleteOffline(channelId: string, id: string): void {
    past.deleteOffline(this.world, channelId, id);
  }

  /** Adds many messages at once without gateway events (a backlog posted while the app was off). */
  postBacklog(channelId: string, authorIds: string[], count: number, text?: (i: number) => string): FakeMessage[] {
    return past.postBacklog(this.world, channelId, authorIds, count, text);
  }

  /**
   * Messages posted long ago, spread evenly from `fromMs` to `toMs`, without gateway events (history a
   * backfill reads). Their snowflakes carry their time, as Discord's do.
   */
  postHistory(channelId: string, authorIds: string[], count: number, fromMs: number, toMs: number, text?: (i: number) => string): FakeMessage[] {
    return past.postHistory(this.world, channelId, authorIds, count, fromMs, toMs, text);
  }

  /**
   * Full messages (attachments, mentions, embeds, replies, reactions in `extra`) posted at `at` (epoch ms)
   * without gateway events, e.g. the demo's weeks of history. Ids carry their time, as Discord's do.
   */
  postPast(channelId: string, items: ReadonlyArray<{ at: number; authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json }>): FakeMessage[] {
    return past.postPast(this.world, channelId, items);
  }

  /** Switches rate limits per test (RateLimitOptions): bucket size, global limit, a 429 storm, a REST outage. Headers are always sent. */
  setRateLimits(opts: RateLimitOptions): void {
    this.state.rateLimits.configure(opts);
  }

  /** REST requests answered so far, by "METHOD /path" without the query (429s included). */
  restRequests(): ReadonlyMap<string, number> {
    return this.state.rateLimits.requests;
  }

  /** Messages by `authorId` at the given times (epoch ms), e.g. older than two weeks; no gateway events. */
  postAt(channelId: string, authorId: string, times: number[]): FakeMessage[] {
    return structuredClone(postAt(this.state, channelId, authorId, times));
  }

  deleteMessage(channelId: string, id: string): void {
    live.deleteMessage(this.world, channelId, id);
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

  resetStats(): void {
    this.gateway.resetStats();
    this.unhandledRoutes.length = 0;
  }

  /** Resolves once predicate() is true; re-checked on every fake state change and every 20 ms. */
  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    return waitForChange(this.changes, predicate, timeoutMs);
  }

  // ---- lifecycle ----

  async listen(port: number): Promise<void> {
    const server = await listenFake(port, {
      rest: (req, res) => handleRest(this.restContext(), req, res),
      cdn: (req, res) => handleCdn(this.state, req, res),
      gateway: (req, socket, head) => this.gateway.handleUpgrade(req, socket, head),
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

  private restContext() {
    return {
      state: this.state,
      gatewayUrl: () => this.gatewayUrl,
      sessionStartLimit: (token: string) => this.gateway.limits.limitFor(token),
      unhandledRoutes: this.unhandledRoutes,
      createMessage: (channelId: string, authorId: string, content: string) => live.createMessage(this.world, channelId, authorId, content, []),
      deleted: (channel: FakeChannel, messages: FakeMessage[], bulk: boolean) =>
        bulk ? this.gateway.dispatchDeleteBulk(channel.guildId, channel.id, messages.map((m) => m.id)) : this.gateway.dispatchDelete(messages[0]!),
    };
  }
}
