// What a discord.js client's events mean for the monitor: messages and reactions of the watched channel
// go to the sink, gateway comings and goings to the status and the log. Events of a client that is no
// longer the current one (a stop or a replacement since) are ignored.
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import type { BotError, BotStatus } from '../../../shared/types.js';
import { say } from '../log/say.js';
import { watchChannelAccess } from './channel-access.js';
import type { ConnectionHealth } from './connection-health.js';
import { botErrors } from './errors.js';
import { watchGuildOutage } from './guild-outage.js';
import type { MessageSink } from './message-sink.js';
import { REACTION_EVENTS, type ReactionEvent } from './reactions.js';
import type { ReplyData } from './referenced-messages.js';
import { statuses } from './status.js';

export interface ConnectedInfo {
  bot: { id: string; username: string };
  guild: { id: string; name: string };
  channel: { id: string; name: string };
}

export interface ClientEventsHost {
  guildId: string;
  channelId: string;
  /** False once this client was stopped or replaced. */
  isCurrent(): boolean;
  sink: MessageSink;
  logger: Logger;
  health(): ConnectionHealth | null;
  /** Set once the first READY checked the target; null while connecting. */
  connected(): ConnectedInfo | null;
  setStatus(status: Omit<BotStatus, 'since'>): void;
  /** The last message seen, where a catch-up starts. */
  resumePoint(): string | null;
  /** Fetches what was missed since `from` (the last message seen before the new session). */
  catchUp(from: string | null): Promise<void>;
  /** discord.js is closing a zombied connection (no ACK between two heartbeats): end its close handshake now. */
  zombieClosing(): void;
  /** Discord ended a running session with a code that must not be reconnected on. */
  closedForGood(code: number): void;
  /** The watched server or channel is gone for this bot (removed, deleted): the session ends with this error. */
  targetGone(error: BotError): void;
}

// 4004/4013/4014 end the login, whose error says what to do; a bare code before it only confuses.
const LOGIN_CLOSE_CODES = new Set([4004, 4013, 4014]);
// Discord's docs: never reconnect on these (token reset, bad shard, bad or disallowed intents).
const FATAL_CLOSE_CODES = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

/**
 * Returns what the monitor asks before it says "Connected": the access check (channel-access.ts: true while the
 * channel is hidden), and whether Discord said a server is in an outage (GUILD_DELETE `unavailable`, until its
 * GUILD_CREATE), at login or during the first catch-up.
 */
export function attachClientEvents(client: Client, h: ClientEventsHost): { checkAccess: () => boolean; saidUnavailable: () => boolean } {
  const mine = (m: { channelId: string }) => h.isCurrent() && m.channelId === h.channelId;
  // While the channel is hidden (channel-access.ts) or its server is out (guild-outage.ts), a resume or a new
  // session's catch-up does not make it "Connected".
  let hidden = () => false;
  let out = () => false;
  const backToConnected = () => {
    const info = h.connected();
    if (!h.isCurrent() || !info) return;
    if (out()) h.setStatus(statuses.guildUnavailable(info.guild.name));
    else h.setStatus(hidden() ? statuses.channelHidden(info.channel.name) : statuses.connected(info.bot, info.guild, info.channel));
  };
  const checkAccess = watchChannelAccess(client, h, backToConnected);
  hidden = checkAccess;
  const outage = watchGuildOutage(client, h, backToConnected);
  out = outage.out;
  client.on(Events.MessageCreate, (m) => {
    if (mine(m)) h.sink.live(m);
  });
  client.on(Events.MessageUpdate, (_old, m) => {
    if (mine(m)) h.sink.updated(m);
  });
  client.on(Events.MessageDelete, (m) => {
    if (mine(m)) h.sink.deleted(m);
  });
  // Bulk Delete fires one MESSAGE_DELETE_BULK, which discord.js reports as one event for all ids.
  client.on(Events.MessageBulkDelete, (messages) => {
    for (const m of messages.values()) if (mine(m)) h.sink.deleted(m);
  });
  // Removed from the server, or the channel deleted: Discord sends nothing of it any more (the panel said
  // "Connected" for good). Also ends a wait for the server to come back (an outage at login). An outage
  // mid-session is GuildUnavailable instead, and the server comes back on the same session.
  const channelName = () => h.connected()?.channel.name ?? h.channelId;
  const guildName = () => h.connected()?.guild.name ?? h.guildId;
  const removed = (name?: string | null) => h.targetGone(botErrors.removedFromGuild(name ?? guildName(), channelName(), client.application?.id));
  const deleted = (name?: string | null) => h.targetGone(botErrors.channelDeleted(name ?? channelName(), guildName()));
  client.on(Events.GuildDelete, (guild) => {
    if (h.isCurrent() && guild.id === h.guildId) removed(guild.name);
  });
  client.on(Events.ChannelDelete, (channel) => {
    if (h.isCurrent() && channel.id === h.channelId) deleted('name' in channel ? channel.name : null);
  });
  client.on(Events.ShardDisconnect, (event) => {
    if (!h.isCurrent()) return;
    // Mid-session, discord.js just stops: nothing would tell the panel until the watchdog re-IDENTIFYs.
    if (FATAL_CLOSE_CODES.has(event.code) && h.connected()) {
      h.closedForGood(event.code);
      return;
    }
    if (!LOGIN_CLOSE_CODES.has(event.code)) say(h.logger, 'warn', coreText('log.gatewayClosed', { code: String(event.code) }));
  });
  client.on(Events.ShardReconnecting, () => {
    // Only a connection that was up can be "lost"; failures before that are login errors.
    if (!h.isCurrent() || !h.connected() || !h.health()?.resuming()) return;
    say(h.logger, 'warn', coreText('log.resuming'));
    h.setStatus(statuses.resuming());
  });
  // A re-IDENTIFY (session invalidated) replays nothing: fetch what was missed, as on a fresh start.
  // The new session's live messages come before ShardReady (discord.js waits for every server's
  // GUILD_CREATE, which Discord sends lazily): from its READY on they are held, and the catch-up starts
  // from the last message seen before it, not from whichever live one moved the resume point meanwhile.
  let readies = 0;
  let readyPackets = 0;
  let from: string | null | undefined;
  const newSession = () => {
    h.sink.keepHolding();
    from = h.resumePoint();
  };
  client.on(Events.ShardReady, () => {
    if (h.isCurrent()) h.health()?.recovered('ready');
    if (!h.isCurrent() || ++readies === 1) return;
    say(h.logger, 'warn', coreText('log.newSession'));
    const start = from === undefined ? h.resumePoint() : from;
    from = undefined;
    void h.catchUp(start).then(backToConnected);
  });
  client.on(Events.ShardResume, () => {
    if (h.isCurrent()) h.health()?.recovered('resumed');
    if (!h.isCurrent() || !client.isReady()) return;
    say(h.logger, 'info', coreText('log.resumed'));
    backToConnected();
  });
  client.on(Events.Error, (err) => say(h.logger, 'error', coreText('log.clientError', { detail: err.message })));
  client.on(Events.Warn, (msg) => say(h.logger, 'warn', coreText('log.clientWarning', { detail: msg })));
  client.on(Events.Raw, (packet: { t?: string | null; d?: ReactionEvent & ReplyData }) => {
    if (h.isCurrent()) h.health()?.activity();
    if (packet.t === 'READY' && h.isCurrent() && ++readyPackets > 1) {
      newSession();
      // Removed while it had no session: the new READY just does not list the server (no GUILD_DELETE), and
      // discord.js keeps the old one in its cache.
      const { guilds } = packet.d as unknown as { guilds?: Array<{ id: string }> };
      if (Array.isArray(guilds) && !guilds.some((g) => g.id === h.guildId)) removed();
    }
    // Deleted while it had no session (or during an outage of its server): the server's GUILD_CREATE does not
    // list it (no CHANNEL_DELETE). A bot's GUILD_CREATE lists every channel; text ones are never threads.
    if (packet.t === 'GUILD_CREATE' && h.isCurrent() && h.connected()) {
      const g = packet.d as unknown as { id?: string; unavailable?: boolean; channels?: Array<{ id: string }> };
      if (g.id === h.guildId && !g.unavailable && Array.isArray(g.channels) && !g.channels.some((c) => c.id === h.channelId)) deleted();
    }
    // A reply's original, which discord.js drops (no message cache); one property read for any other message.
    if ((packet.t === 'MESSAGE_CREATE' || packet.t === 'MESSAGE_UPDATE') && packet.d?.referenced_message !== undefined && mine({ channelId: String(packet.d.channel_id) })) {
      h.sink.replyData(packet.d);
    }
    // Raw events: discord.js drops reactions on messages it no longer caches unless every partial is enabled.
    if (packet.t && REACTION_EVENTS.has(packet.t) && packet.d && mine({ channelId: String(packet.d.channel_id) })) {
      h.sink.reaction(packet.t, packet.d, (id, animated) => client.rest.cdn.emoji(id, { extension: animated ? 'gif' : 'webp' }));
    }
  });
  // @discordjs/ws reports HELLO's interval only in its debug output.
  client.on(Events.Debug, (line) => {
    const ms = /beat every (\d+)ms/.exec(line)?.[1];
    if (ms && h.isCurrent()) h.health()?.heartbeatInterval(Number(ms));
    // discord.js closes a zombied connection with 4200, then waits for Discord's close frame: up to ws's 30 s, which
    // a dead network never sends (Discord's docs: close it, then resume). Once its close frame is out, cut the wait.
    // A session resumed and dead since (no ACK): replaced rather than resumed again.
    if (h.isCurrent() && line.includes('Reason: Zombie connection') && !h.health()?.zombie()) setImmediate(() => h.isCurrent() && h.zombieClosing());
  });
  return { checkAccess, saidUnavailable: outage.said };
}
