// Watches one channel with discord.js. Lifecycle operations are serialised, and stop() resolves
// only once the gateway socket is closed: the fix for the original's two-sessions-per-token bug.
import { once } from 'node:events';
import { ChannelType, Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Logger } from 'pino';
import type { BotStatus } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';
import type { LastSeen } from '../messages/last-seen.js';
import type { MessageStore } from '../messages/store.js';
import { catchUp } from './catch-up.js';
import { backoffMs, botErrors, classifyLoginError } from './errors.js';
import { gatewaySockets, lastAckAt, withTimeout } from './gateway.js';
import { statuses } from './status.js';
import { MessageSink } from './message-sink.js';
import { Watchdog } from './watchdog.js';

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
  readyTimeoutMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  watchdogIntervals?: number;
  watchdogDefaultIntervalMs?: number;
}

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];
const TEXT_TYPES = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19);

export class ChannelMonitor {
  private current: BotStatus;
  private client: Client | null = null;
  private generation = 0;
  private wanted = false;
  private queue: Promise<unknown> = Promise.resolve();
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private readonly sink: MessageSink;
  private abortConnect = new AbortController();
  private connectedInfo: { bot: { id: string; username: string }; guild: { id: string; name: string }; channel: { id: string; name: string } } | null = null;

  constructor(private readonly o: MonitorOptions) {
    this.current = { ...(o.target() ? statuses.ready() : statuses.notConfigured()), since: Date.now() };
    this.sink = new MessageSink({ store: o.store, lastSeen: o.lastSeen, bus: o.bus, logger: o.logger });
  }

  status(): BotStatus {
    return this.current;
  }

  /** True while monitoring is wanted (connecting, connected or retrying). */
  isRunning(): boolean {
    return this.wanted;
  }

  start(): Promise<BotStatus> {
    return this.serial(async () => {
      if (this.wanted && this.current.state !== 'error') return this.current;
      await this.shutdownClient();
      if (!this.o.target()) {
        this.set(statuses.notConfigured());
        return this.current;
      }
      this.wanted = true;
      this.attempt = 0;
      this.launch();
      return this.current;
    });
  }

  stop(): Promise<BotStatus> {
    return this.serial(async () => {
      this.wanted = false;
      await this.shutdownClient();
      this.set(this.o.target() ? statuses.ready() : statuses.notConfigured());
      return this.current;
    });
  }

  /** Settings changed: reflect configured/not-configured, reconnect if the target changed while running. */
  refresh(): Promise<BotStatus> {
    return this.serial(async () => {
      if (!this.wanted) this.set(this.o.target() ? statuses.ready() : statuses.notConfigured());
      return this.current;
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private set(status: Omit<BotStatus, 'since'>): void {
    const same = status.state === this.current.state && status.sentence === this.current.sentence;
    this.current = { ...status, since: same ? this.current.since : Date.now() };
    this.o.bus.emit('bot.status', this.current);
  }

  private launch(): void {
    const gen = ++this.generation;
    this.attempt++;
    this.set(statuses.connecting(this.attempt));
    this.connecting = this.connect(gen).catch((err: unknown) => {
      this.o.logger.error({ err }, `Monitor failed: ${String(err)}`);
    });
  }

  /** Destroys the client and waits until its gateway socket is closed (capped, then terminated). */
  private async shutdownClient(opts: { force?: boolean } = {}): Promise<void> {
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdogTimer) clearInterval(this.watchdogTimer);
    this.retryTimer = this.watchdogTimer = null;
    this.abortConnect.abort();
    this.abortConnect = new AbortController();
    const client = this.client;
    this.client = null;
    // A connect still in flight notices the generation change and destroys its own client once
    // its login has settled; past the cap, destroy (and terminate) from here anyway.
    if (this.connecting) await withTimeout(this.connecting, this.o.stopTimeoutMs ?? 10_000);
    if (client) await this.destroy(client, opts.force);
    this.connecting = null;
    this.o.lastSeen.flush();
  }

  private async destroy(client: Client, force = false): Promise<void> {
    const sockets = gatewaySockets(client);
    if (force) for (const socket of sockets) socket.terminate?.();
    const { timedOut } = await withTimeout(client.destroy(), this.o.stopTimeoutMs ?? 10_000);
    if (timedOut) {
      this.o.logger.warn('Discord did not confirm the disconnection within 10 s; the connection was terminated.');
      for (const socket of [...sockets, ...gatewaySockets(client)]) socket.terminate?.();
    }
  }

  private async connect(gen: number): Promise<void> {
    const target = this.o.target();
    if (!target) return;
    this.o.logger.info(`Connecting to Discord (attempt ${this.attempt})…`);
    const client = new Client({ intents: INTENTS, partials: [Partials.Message], rest: { api: target.apiUrl, ...(target.cdnUrl ? { cdn: target.cdnUrl } : {}) } });
    this.client = client;
    this.watchdog = new Watchdog({
      intervals: this.o.watchdogIntervals ?? 3,
      defaultIntervalMs: this.o.watchdogDefaultIntervalMs ?? 41_250,
      now: Date.now,
    });
    // Live messages are held from the first moment until the backlog is fetched, and the backlog
    // starts at the last id seen *before* this connection: otherwise a message arriving between
    // READY and the fetch would move the starting point past the ones posted while we were away.
    const resumeFrom = this.o.lastSeen.get(target.channelId);
    this.sink.hold();
    this.attach(client, target, gen);
    const ready = once(client, Events.ClientReady, { signal: this.abortConnect.signal });
    ready.catch(() => undefined);
    // destroy() while login() is still running lets the login finish and open a session
    // afterwards, so a stop waits for the login to settle before destroying.
    const login = client.login(target.token);
    login.catch(() => undefined);
    try {
      await login;
      const { timedOut } = await withTimeout(ready, this.o.readyTimeoutMs ?? 30_000);
      if (timedOut) throw new Error('Discord did not finish the handshake in time (ETIMEDOUT)');
    } catch (err) {
      if (gen !== this.generation) return this.destroy(client);
      this.client = null;
      await this.destroy(client);
      this.failed(err);
      return;
    }
    if (gen !== this.generation) return this.destroy(client);
    await this.onReady(client as Client<true>, target, gen, resumeFrom);
  }

  private failed(err: unknown): void {
    const { error, retry } = classifyLoginError(err, this.attempt);
    this.o.logger.error(`${error.message} ${error.hint}`);
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
        if (this.wanted && !this.client) this.launch();
      });
    }, delay);
  }

  private async onReady(client: Client<true>, target: MonitorTarget, gen: number, resumeFrom: string | null): Promise<void> {
    const guild = client.guilds.cache.get(target.guildId);
    const channel = guild?.channels.cache.get(target.channelId);
    const flags = client.application.flags?.bitfield ?? 0;
    const problem = !guild
      ? botErrors.guildNotFound(target.guildId, client.application.id)
      : !channel
        ? botErrors.channelNotFound(target.channelId, guild.name)
        : !TEXT_TYPES.has(channel.type)
          ? botErrors.channelNotText(channel.name, ChannelType[channel.type].replace(/^Guild/, '').toLowerCase() + ' channel')
          : (Number(flags) & MESSAGE_CONTENT_FLAGS) === 0
            ? botErrors.missingIntent()
            : null;
    if (problem || !guild || !channel) {
      this.o.logger.error(`${problem!.message} ${problem!.hint}`);
      this.wanted = false;
      this.client = null;
      await this.destroy(client);
      this.set(statuses.error(problem!));
      return;
    }
    this.attempt = 0;
    const bot = { id: client.user.id, username: client.user.username };
    this.connectedInfo = { bot, guild: { id: guild.id, name: guild.name }, channel: { id: channel.id, name: channel.name } };
    this.startWatchdog(client, gen);
    // "Connected" is said once the backlog is in, so the panel never shows a gap.
    await this.catchUp(client, target, gen, resumeFrom);
    if (gen !== this.generation) return;
    this.set(statuses.connected(bot, this.connectedInfo.guild, this.connectedInfo.channel));
    this.o.logger.info(`Monitoring #${channel.name} on ${guild.name}.`);
  }

  private async catchUp(client: Client, target: MonitorTarget, gen: number, resumeFrom: string | null): Promise<void> {
    const { store, lastSeen, logger } = this.o;
    const isCurrent = () => gen === this.generation;
    const progress = (sentence: string) => isCurrent() && this.set({ state: 'connecting', sentence });
    await catchUp({ client, channelId: target.channelId, resumeFrom, sink: this.sink, store, lastSeen, logger, isCurrent, progress });
  }

  private attach(client: Client, target: MonitorTarget, gen: number): void {
    const mine = (m: { channelId: string }) => gen === this.generation && m.channelId === target.channelId;
    client.on(Events.MessageCreate, (m) => {
      if (mine(m)) this.sink.live(m);
    });
    client.on(Events.MessageUpdate, (_old, m) => {
      if (mine(m)) this.sink.updated(m);
    });
    client.on(Events.MessageDelete, (m) => {
      if (mine(m)) this.sink.deleted(m);
    });
    client.on(Events.ShardDisconnect, (event) => {
      if (gen === this.generation) this.o.logger.warn(`Gateway closed (code ${event.code}).`);
    });
    client.on(Events.ShardReconnecting, () => {
      if (gen !== this.generation) return;
      this.o.logger.warn('Connection to Discord lost — resuming the session…');
      this.set(statuses.resuming());
    });
    // A re-IDENTIFY (session invalidated) replays nothing: fetch what was missed, as on a fresh start.
    let readies = 0;
    client.on(Events.ShardReady, () => {
      if (gen !== this.generation || ++readies === 1) return;
      this.o.logger.warn('Discord started a new session; fetching messages posted meanwhile.');
      void this.catchUp(client, target, gen, this.o.lastSeen.get(target.channelId)).then(() => {
        const info = this.connectedInfo;
        if (gen === this.generation && info) this.set(statuses.connected(info.bot, info.guild, info.channel));
      });
    });
    client.on(Events.ShardResume, () => {
      if (gen !== this.generation || !client.isReady()) return;
      this.o.logger.info('Session resumed; events sent meanwhile are replayed.');
      const info = this.connectedInfo;
      if (info) this.set(statuses.connected(info.bot, info.guild, info.channel));
    });
    client.on(Events.Error, (err) => this.o.logger.error(`Discord client error: ${err.message}`));
    client.on(Events.Warn, (msg) => this.o.logger.warn(`Discord: ${msg}`));
    client.on(Events.Raw, () => this.watchdog?.activity());
    // @discordjs/ws reports HELLO's interval only in its debug output.
    client.on(Events.Debug, (line) => {
      const ms = /beat every (\d+)ms/.exec(line)?.[1];
      if (ms && gen === this.generation) this.watchdog?.setHeartbeatInterval(Number(ms));
    });
  }

  private watchdog: Watchdog | null = null;

  private startWatchdog(client: Client, gen: number): void {
    const watchdog = this.watchdog;
    if (!watchdog) return;
    watchdog.activity();
    // HELLO's interval is learnt after the first heartbeat, so re-check at least every second.
    const every = () => Math.min(1_000, Math.max(100, watchdog.thresholdMs / 3));
    const tick = () => {
      if (gen !== this.generation) return;
      watchdog.observeAck(lastAckAt(client));
      const silent = watchdog.silentFor();
      if (silent) {
        this.o.logger.warn(`Discord gateway silent for ${(silent / 1000).toFixed(1)} s (no heartbeat acknowledged) — reconnecting.`);
        void this.serial(async () => {
          if (gen !== this.generation || !this.wanted) return;
          // A dead gateway will not answer a close frame: terminate rather than wait 10 s for it.
          await this.shutdownClient({ force: true });
          this.attempt = 0;
          this.launch();
        });
        return;
      }
      this.watchdogTimer = setTimeout(tick, every());
    };
    this.watchdogTimer = setTimeout(tick, every());
  }
}
