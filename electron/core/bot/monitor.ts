// Watches one channel with discord.js. start()/stop() only say what is wanted; one serialised
// step at a time drives the client toward it, so start/stop spam collapses to the last request.
// Clients are created and destroyed only through ClientOwner (one session per token, proven), and
// every new session waits its turn at the IdentifyGate (Discord's IDENTIFY spacing and budget).
import { once } from 'node:events';
import { dirname } from 'node:path';
import { Client, Events, type RateLimitData } from 'discord.js';
import type { GuildBasedChannel } from 'discord.js';
import type { Logger } from 'pino';
import { coreText } from '../../../shared/core-text.js';
import type { BotError, BotStatus, ChatMessage } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import { say } from '../log/say.js';
import type { LastSeen } from '../messages/last-seen.js';
import type { MessageStore } from '../messages/store.js';
import { catchUp } from './catch-up.js';
import { catchUpRateLimited, RATE_LIMIT_RELEASE_MS } from './catch-up-rate-limit.js';
import { clientOptions } from './client-options.js';
import { ClientOwner } from './client-owner.js';
import { SESSION_WAIT_MS, SessionLock } from './session-lock.js';
import { backoffMs, botErrors, classifyLoginError } from './errors.js';
import { ConnectionHealth, type Unhealthy } from './connection-health.js';
import { withTimeout } from './gateway.js';
import { IdentifyGate, IDENTIFY_SPACING_MS, type SessionBudgetError } from './identify-gate.js';
import { botKey, fileGateStore } from './identify-memory.js';
import { statuses } from './status.js';
import { targetProblem } from './target-check.js';
import { MessageSink } from './message-sink.js';
import { discordHistorySource, type HistorySource } from '../history/discord-source.js';
import { discordMediaRefresher, type MediaRefresher } from './media-refresh.js';
import { attachClientEvents, type ConnectedInfo } from './client-events.js';

export interface MonitorTarget {
  token: string;
  guildId: string;
  channelId: string;
  apiUrl: string;
  /** Discord's CDN by default; the demo and tests point it at the fake server. */
  cdnUrl?: string;
}

export interface MonitorOptions {
  /** Current target, or null when not configured. */
  target: () => MonitorTarget | null;
  logger: Logger;
  bus: EventBus;
  store: MessageStore;
  lastSeen: LastSeen;
  stopTimeoutMs?: number;
  /** How long a start waits for another copy of the app on this data folder to let go (session-lock.ts; tests shorten it). */
  sessionWaitMs?: number;
  readyTimeoutMs?: number;
  /** After this long without a session, the status says Discord has not answered yet (SLOW_CONNECT_MS). */
  slowConnectMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  watchdogIntervals?: number;
  watchdogDefaultIntervalMs?: number;
  /** Spacing between two new sessions (Discord: 5000 ms); tests shorten it. */
  identifySpacingMs?: number;
  /** How long a RESUME may go unanswered before the session is given up for a new one. */
  resumeDeadlineMs?: number;
  /** A catch-up's rate-limit wait from which live messages go on without it (RATE_LIMIT_RELEASE_MS; tests shorten it). */
  rateLimitReleaseMs?: number;
  /** Crash starts allowed within an hour before the next one waits longer (identify-gate.ts; tests that kill the app on purpose raise it). */
  crashLoopFree?: number;
  /** Where the IDENTIFY gate remembers the last session start and budget across restarts. */
  identifyStateFile?: string;
}

/** A login this long without a session is said to be waiting on Discord. */
const SLOW_CONNECT_MS = 8_000;

/** Everything a connection is made for: a change of any of it while running means a new connection. */
const targetKey = (t: MonitorTarget): string => JSON.stringify([t.token, t.guildId, t.channelId, t.apiUrl, t.cdnUrl ?? null]);

export class ChannelMonitor {
  private current: BotStatus;
  private client: Client | null = null;
  private generation = 0;
  private wanted = false;
  private queue: Promise<unknown> = Promise.resolve();
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Says "still connecting" when a login takes longer than SLOW_CONNECT_MS. */
  private slowTimer: NodeJS.Timeout | null = null;
  private health: ConnectionHealth | null = null;
  private readonly gate: IdentifyGate;
  private readonly owner: ClientOwner;
  private attempt = 0;
  /** What the current connection was started for (targetKey); null before the first. */
  private launchedFor: string | null = null;
  private readonly sink: MessageSink;
  /**
   * Handles the live messages still pending and writes what is queued; resolves once it is committed (or
   * held in memory by a disk fault), so a history query sees everything received. The event loop goes on meanwhile.
   */
  writesDone(): Promise<void> {
    return this.sink.written();
  }
  /** Before the store closes (after stop()): what a disk fault or a lock holds in memory is written once more. */
  saveHeld(): void {
    this.sink.storage.lastTry();
  }
  /** After writesDone(): the channel's messages held in memory by a disk fault, for pages read from the store. */
  heldMessages(channelId: string): ChatMessage[] {
    return this.sink.storage.held(channelId);
  }
  /** The watched channel while connected, for background history work (backfill); null otherwise. */
  historySource(): HistorySource | null {
    const target = this.o.target();
    const client = this.client;
    if (!target || !client?.isReady() || this.current.state !== 'connected') return null;
    const channel = client.channels.cache.get(target.channelId);
    return channel?.isTextBased() && 'guild' in channel ? discordHistorySource(channel, this.sink) : null;
  }
  private abortConnect = new AbortController();
  /** Told of every rate-limit wait of the client's REST calls while a catch-up runs. */
  private rateLimited: ((info: RateLimitData) => void) | null = null;
  private connectedInfo: ConnectedInfo | null = null;

  constructor(private readonly o: MonitorOptions) {
    this.current = { ...(o.target() ? statuses.ready() : statuses.notConfigured()), since: Date.now() };
    this.gate = new IdentifyGate(o.identifySpacingMs ?? IDENTIFY_SPACING_MS, Date.now, o.identifyStateFile ? fileGateStore(o.identifyStateFile) : null, o.crashLoopFree);
    // The data folder's session lock (session-lock.ts) beside the IDENTIFY gate's file: one copy of the app connects.
    this.owner = new ClientOwner({ gate: this.gate, ...(o.identifyStateFile ? { lock: new SessionLock(dirname(o.identifyStateFile)), lockWaitMs: o.sessionWaitMs ?? SESSION_WAIT_MS } : {}), closeTimeoutMs: o.stopTimeoutMs ?? 10_000, onRefused: (err) => this.refused(err) });
    this.sink = new MessageSink({ store: o.store, lastSeen: o.lastSeen, bus: o.bus, logger: o.logger });
  }

  status(): BotStatus {
    return this.current;
  }

  /** The watched channel while connected (delete-all checks permissions and deletes through it); null otherwise. */
  watchedChannel(): GuildBasedChannel | null {
    const target = this.o.target();
    const client = this.client;
    if (!target || !client?.isReady() || this.current.state !== 'connected') return null;
    const channel = client.channels.cache.get(target.channelId);
    return channel && 'guild' in channel ? channel : null;
  }

  /** Fetches stored messages of the watched channel again for fresh attachment links, while connected; null otherwise. */
  mediaRefresher(): MediaRefresher | null {
    const channel = this.watchedChannel();
    return channel?.isTextBased() ? discordMediaRefresher(channel, this.sink, () => this.watchedChannel()?.id === channel.id) : null;
  }

  /** True while monitoring is wanted (connecting, connected or retrying). */
  isRunning(): boolean {
    return this.wanted;
  }

  /** Resolves once the monitor is heading for the latest wanted state (connecting, or waiting its turn). */
  start(): Promise<BotStatus> {
    this.wanted = true;
    return this.serial(() => this.apply(true));
  }

  /** Resolves once every gateway socket is closed, unless a later start() superseded it. */
  stop(): Promise<BotStatus> {
    this.wanted = false;
    return this.serial(() => this.apply(false));
  }

  /** One step toward `wanted` as it is now: requests queued meanwhile collapse into it. */
  private async apply(asked: boolean): Promise<BotStatus> {
    if (!this.wanted) {
      const hadClient = this.client !== null || this.connecting !== null;
      const pending = this.retryTimer !== null;
      await this.shutdownClient();
      this.gate.stoppedCleanly();
      this.set(this.o.target() ? statuses.ready() : statuses.notConfigured());
      if (hadClient) say(this.o.logger, 'info', coreText('log.stopped'));
      else if (pending) say(this.o.logger, 'info', coreText('log.stoppedBeforeConnecting'));
      return this.current;
    }
    // Already connecting, connected or waiting for a slot: a repeated start changes nothing. After an
    // error a start (the user's "retry now") starts over, but only an explicit one.
    if (this.active() && (this.current.state !== 'error' || !asked)) return this.current;
    await this.shutdownClient();
    if (!this.o.target()) {
      this.wanted = false;
      this.set(statuses.notConfigured());
      return this.current;
    }
    this.attempt = 0;
    this.launch();
    return this.current;
  }

  /** A client exists or a (re)connection is scheduled. */
  private active(): boolean {
    return this.client !== null || this.connecting !== null || this.retryTimer !== null;
  }

  /**
   * Settings changed: reflect configured/not-configured, reconnect if the target changed while running.
   * A new channel (or server, token, API) saved while connected used to change nothing: the bot went on
   * watching the old channel while the settings and the panel named the new one.
   */
  refresh(): Promise<BotStatus> {
    return this.serial(async () => {
      if (!this.wanted) {
        this.set(this.o.target() ? statuses.ready() : statuses.notConfigured());
        return this.current;
      }
      const target = this.o.target();
      if (!this.active() || this.launchedFor === null || (target !== null && targetKey(target) === this.launchedFor)) return this.current;
      say(this.o.logger, 'info', coreText('log.targetChanged'));
      await this.shutdownClient();
      if (!target) {
        this.wanted = false;
        this.set(statuses.notConfigured());
        return this.current;
      }
      this.attempt = 0;
      this.launch();
      return this.current;
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private logError(error: BotError): void {
    const sentence = coreText('log.botError', { message: error.i18n?.message ?? error.message, hint: error.i18n?.hint ?? error.hint });
    say(this.o.logger, 'error', sentence);
  }

  private set(status: Omit<BotStatus, 'since'>): void {
    const same = status.state === this.current.state && status.sentence === this.current.sentence;
    this.current = { ...status, since: same ? this.current.since : Date.now() };
    this.o.bus.emit('bot.status', this.current);
  }

  /** Starts a new client now, or when Discord's IDENTIFY spacing allows (a timer stop() cancels). */
  private launch(why: 'connect' | 'new-session' = 'connect'): void {
    this.gate.recall();
    const wait = this.gate.waitMs();
    if (wait > 0) {
      const loop = this.gate.crashLoop();
      if (loop) say(this.o.logger, 'warn', coreText('log.crashLoop', { count: loop, seconds: Math.round(wait / 1000) }));
      this.set(loop ? statuses.crashLoop(wait, loop) : statuses.waitingToIdentify(wait, why));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.serial(async () => {
          if (this.wanted && !this.active()) this.launch(why);
        });
      }, wait);
      return;
    }
    try {
      const target = this.o.target();
      if (target) this.gate.useBot(botKey(target.token));
      this.gate.check();
    } catch (err) {
      this.failed(err);
      return;
    }
    this.gate.reserve();
    const gen = ++this.generation;
    this.attempt++;
    const connecting = statuses.connecting(this.attempt);
    this.set(connecting);
    // A gateway that does not answer (refused or dropped connections, which discord.js retries for up to
    // 30 s) left "Connecting to Discord…" on screen with nothing to tell a network problem from a slow start.
    this.slowTimer = setTimeout(() => {
      this.slowTimer = null;
      if (gen === this.generation && this.current.sentence === connecting.sentence) this.set(statuses.stillConnecting(this.o.slowConnectMs ?? SLOW_CONNECT_MS));
    }, this.o.slowConnectMs ?? SLOW_CONNECT_MS);
    this.connecting = this.connect(gen).catch((err: unknown) => {
      say(this.o.logger, 'error', coreText('log.failed', { detail: String(err) }), { err });
    });
  }

  /** The IDENTIFY budget ran low while running (Discord invalidated the session): stop, say why. */
  private refused(err: SessionBudgetError): void {
    void this.serial(async () => {
      this.wanted = false;
      await this.shutdownClient();
      this.failed(err);
    });
  }

  /** The last id seen; without one (last-seen.json lost or unreadable) the newest stored, not a first start's 50. */
  private resumePoint(channelId: string): string | null {
    return this.o.lastSeen.get(channelId) ?? this.o.store.list(channelId, 1).at(-1)?.id ?? null;
  }

  /** Discord closed a running session for good (token reset, intents changed): stop, say why as a login would. */
  private closedForGood(gen: number, code: number): void {
    void this.serial(async () => {
      if (gen !== this.generation) return;
      this.wanted = false;
      say(this.o.logger, 'warn', coreText('log.gatewayClosed', { code: String(code) }));
      await this.shutdownClient();
      this.failed(new Error(`Discord closed the session with code ${code}`));
    });
  }

  /** The watched server or channel is gone for this bot: said, and the session ends (no retry would help). */
  private targetGone(gen: number, error: BotError): void {
    void this.serial(async () => {
      if (gen !== this.generation) return;
      this.wanted = false;
      this.logError(error);
      // Live messages a catch-up was holding are stored now: gone with the channel, no later catch-up reads them.
      this.sink.release(true, { advanceResumePoint: false });
      await this.shutdownClient();
      this.set(statuses.error(error));
    });
  }

  /**
   * Ends the current connection: its events stop counting at once (no "connection lost" for a close
   * we asked for), timers are cleared, and the owner retires the client, resolving once every socket
   * it opened is closed (Discord's confirmation, capped, then terminated).
   */
  private async shutdownClient(opts: { force?: boolean } = {}): Promise<void> {
    const gen = ++this.generation;
    // Messages that arrived on this connection are still handled (stored, shown) before it goes.
    this.sink.flush();
    this.clearTimers();
    this.abortConnect.abort();
    this.abortConnect = new AbortController();
    this.client = null;
    this.connecting = null;
    const { timedOut } = await this.owner.destroy(opts);
    if (timedOut && gen === this.generation) {
      say(this.o.logger, 'warn', coreText('log.stopTimeout', { seconds: Math.round((this.o.stopTimeoutMs ?? 10_000) / 1000) }));
    }
    this.o.lastSeen.flush();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    this.health?.stop();
    this.health = null;
  }

  /** This connection failed on its own (login error, wrong channel …): retire it, unless superseded. */
  private async endConnection(gen: number): Promise<boolean> {
    if (gen !== this.generation) return false;
    await this.shutdownClient();
    return true;
  }

  private async connect(gen: number): Promise<void> {
    const target = this.o.target();
    if (!target) return;
    this.launchedFor = targetKey(target);
    say(this.o.logger, 'info', coreText('log.connecting', { attempt: this.attempt }));
    this.connectedInfo = null;
    let client: Client;
    try {
      client = await this.owner.create(clientOptions(target, (info) => this.rateLimited?.(info)));
    } catch (err) {
      // Another copy of the app holds this data folder's session (session-lock.ts): said, never retried alone.
      if (gen === this.generation) this.failed(err);
      return;
    }
    // Stopped or replaced while the previous client was being retired: this one never logs in.
    if (gen !== this.generation) {
      if (this.owner.isCurrent(client)) await this.owner.destroy();
      return;
    }
    this.client = client;
    this.health = new ConnectionHealth({
      client,
      watchdogIntervals: this.o.watchdogIntervals ?? 3,
      defaultIntervalMs: this.o.watchdogDefaultIntervalMs ?? 41_250,
      resumeDeadlineMs: this.o.resumeDeadlineMs ?? 15_000,
      dropConnection: () => this.owner.dropConnection(client),
      onDropped: (silentMs) => say(this.o.logger, 'warn', coreText('log.silentDropped', { seconds: Math.round(silentMs / 100) / 10 })),
      onUnhealthy: (why) => this.unhealthy(gen, why),
    });
    // Live messages are held from the first moment until the backlog is fetched, and the backlog
    // starts at the last id seen *before* this connection: otherwise a message arriving between
    // READY and the fetch would move the starting point past the ones posted while we were away.
    const resumeFrom = this.resumePoint(target.channelId);
    this.sink.hold();
    const { checkAccess, saidUnavailable } = attachClientEvents(client, {
      guildId: target.guildId,
      channelId: target.channelId,
      isCurrent: () => gen === this.generation,
      sink: this.sink,
      logger: this.o.logger,
      health: () => this.health,
      connected: () => this.connectedInfo,
      setStatus: (status) => this.set(status),
      resumePoint: () => this.resumePoint(target.channelId),
      catchUp: (from) => this.catchUp(client, target, gen, from),
      zombieClosing: () => this.owner.cutClosing(client),
      closedForGood: (code) => this.closedForGood(gen, code),
      targetGone: (error) => this.targetGone(gen, error),
    });
    const ready = once(client, Events.ClientReady, { signal: this.abortConnect.signal });
    ready.catch(() => undefined);
    // A stop during login() no longer waits for it: the retired client can never connect again.
    const login = client.login(target.token);
    login.catch(() => undefined);
    try {
      await login;
      const { timedOut } = await withTimeout(ready, this.o.readyTimeoutMs ?? 30_000);
      if (timedOut) throw new Error('Discord did not finish the handshake in time (ETIMEDOUT)');
    } catch (err) {
      if (await this.endConnection(gen)) this.failed(err);
      return;
    }
    if (gen !== this.generation) return;
    await this.onReady(client as Client<true>, target, gen, resumeFrom, checkAccess, saidUnavailable);
  }

  private failed(err: unknown): void {
    const { error, retry } = classifyLoginError(err, this.attempt);
    this.logError(error);
    if (!retry) {
      this.wanted = false;
      this.set(statuses.error(error));
      return;
    }
    const delay = backoffMs(this.attempt, this.o.retryBaseMs, this.o.retryMaxMs);
    this.set(statuses.error(error, { attempt: this.attempt, at: Date.now() + delay }));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.serial(async () => {
        if (this.wanted && !this.active()) this.launch();
      });
    }, delay);
  }

  private async onReady(
    client: Client<true>,
    target: MonitorTarget,
    gen: number,
    resumeFrom: string | null,
    channelHidden: () => boolean = () => false,
    saidUnavailable: () => boolean = () => false,
  ): Promise<void> {
    // READY lists every server unavailable; a server in an outage gets a GUILD_DELETE `unavailable`, and its
    // GUILD_CREATE comes when it is back, with no documented bound (discord.js stops waiting after
    // GUILD_WAIT_MS of silence, which a slow start also gives): no channel is known yet. It stopped the app
    // for good ("not found"); now it waits on this session, and says why.
    if (client.guilds.cache.get(target.guildId)?.available === false) {
      const outage = saidUnavailable();
      say(this.o.logger, 'warn', coreText(outage ? 'log.guildUnavailable' : 'log.guildNotSent', { guild: target.guildId }));
      this.set(outage ? statuses.guildUnavailable(target.guildId) : statuses.guildNotSent(target.guildId));
      if (!(await this.guildBack(client, target.guildId, gen))) return;
    }
    const problem = targetProblem(client, target);
    const guild = client.guilds.cache.get(target.guildId);
    const channel = guild?.channels.cache.get(target.channelId);
    if (problem || !guild || !channel) {
      const error = problem ?? botErrors.channelNotFound(target.channelId, guild?.name ?? target.guildId);
      this.logError(error);
      this.wanted = false;
      if (await this.endConnection(gen)) this.set(statuses.error(error));
      return;
    }
    this.attempt = 0;
    const bot = { id: client.user.id, username: client.user.username };
    this.connectedInfo = { bot, guild: { id: guild.id, name: guild.name }, channel: { id: channel.id, name: channel.name } };
    this.health?.watch();
    // The application's owner lets the view highlight messages that mention them, as Discord does for "you".
    await client.application.fetch().catch((err: Error) => this.o.logger.debug(`Could not read the application's owner: ${err.message}`));
    // "Connected" is said once the backlog is in, so the panel never shows a gap.
    await this.catchUp(client, target, gen, resumeFrom);
    if (gen !== this.generation) return;
    // Started without View Channel on it: said instead, and fetched from here once it is given (channel-access.ts).
    if (channelHidden()) return;
    // Its server went out during the catch-up (guild-outage.ts): said until it is back, then "Connected".
    if (saidUnavailable()) return this.set(statuses.guildUnavailable(guild.name));
    this.set(statuses.connected(bot, this.connectedInfo.guild, this.connectedInfo.channel));
    say(this.o.logger, 'info', coreText('log.monitoring', { channel: channel.name, guild: guild.name }));
  }

  /** True once Discord sends the server's GUILD_CREATE; false when this connection ended first (a stop). */
  private async guildBack(client: Client<true>, guildId: string, gen: number): Promise<boolean> {
    while (gen === this.generation && client.guilds.cache.get(guildId)?.available === false) {
      try {
        await once(client, Events.GuildAvailable, { signal: this.abortConnect.signal });
      } catch {
        return false;
      }
    }
    return gen === this.generation;
  }

  private async catchUp(client: Client, target: MonitorTarget, gen: number, resumeFrom: string | null): Promise<void> {
    const { store, lastSeen, logger } = this.o;
    const isCurrent = () => gen === this.generation;
    const progress = (fetched: number, about: number) => isCurrent() && this.set(statuses.catchingUp(fetched, about));
    const limits = { channelId: target.channelId, sink: this.sink, logger, releaseMs: this.o.rateLimitReleaseMs ?? RATE_LIMIT_RELEASE_MS, isCurrent, setStatus: (s: Omit<BotStatus, 'since'>) => this.set(s) };
    const limited = (info: RateLimitData) => catchUpRateLimited(info, limits);
    this.rateLimited = limited;
    try {
      await catchUp({ client, channelId: target.channelId, resumeFrom, sink: this.sink, store, lastSeen, logger, isCurrent, progress });
    } finally {
      if (this.rateLimited === limited) this.rateLimited = null;
    }
  }

  /** The session is up in name only: replace the client (a new session, within the IDENTIFY spacing). */
  private unhealthy(gen: number, why: Unhealthy): void {
    if (why.kind === 'silent') {
      say(this.o.logger, 'warn', coreText('log.silent', { seconds: Math.round(why.silentMs / 100) / 10 }));
    } else if (why.kind === 'resumed-dead') {
      say(this.o.logger, 'warn', coreText('log.resumedDead'));
    } else {
      say(this.o.logger, 'warn', coreText('log.resumeUnanswered', { seconds: Math.round(why.deadlineMs / 1000) }));
    }
    void this.serial(async () => {
      if (gen !== this.generation || !this.wanted) return;
      if (why.kind !== 'silent') this.set(why.kind === 'resumed-dead' ? statuses.resumedDead() : statuses.newSession());
      // A dead gateway will not answer a close frame: terminate rather than wait 10 s for it.
      await this.shutdownClient({ force: true });
      this.attempt = 0;
      this.launch(why.kind === 'silent' ? 'connect' : 'new-session');
    });
  }
}
