// A fake Discord with one bot, one guild and a few channels, plus a core wired to it in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core.js';
import { FileSecretBox } from '../../electron/core/settings/file-secret-box.js';
import { confStore } from '../../electron/headless/run.js';
import type { EventName, EventPayload } from '../../shared/contract.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { afterEach, beforeEach } from 'vitest';

export const TOKEN = 'test.bot-token.0123456789-abcdefghij';
export const APP_DIR = resolve(import.meta.dirname, '..', '..');

export interface World {
  fake: FakeDiscord;
  guildId: string;
  channelId: string;
  voiceId: string;
  otherChannelId: string;
  userId: string;
  botId: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function createWorld(opts: { heartbeatIntervalMs?: number; applicationFlags?: number } = {}): Promise<World> {
  const fake = await startFakeDiscord({ heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 1000 });
  const bot = fake.addBot({ token: TOKEN, username: 'Monitor Bot', ...(opts.applicationFlags !== undefined ? { applicationFlags: opts.applicationFlags } : {}) });
  const user = fake.addUser({ username: 'alice', globalName: 'Alice' });
  const guild = fake.addGuild({
    name: 'Home Lab',
    channels: [{ name: 'general' }, { name: 'Lounge', type: 2 }, { name: 'alerts' }],
    members: [bot.id, user.id],
  });
  const [general, voice, alerts] = guild.channels;
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-test-'));
  return {
    fake,
    guildId: guild.id,
    channelId: general!.id,
    voiceId: voice!.id,
    otherChannelId: alerts!.id,
    userId: user.id,
    botId: bot.id,
    dataDir,
    close: async () => {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A core in the world's data folder; settings come from `env` (as a user's environment would). */
export async function coreFor(world: World, env: NodeJS.ProcessEnv = {}, extra: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({
    paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: world.dataDir },
    secrets: new FileSecretBox(join(world.dataDir, 'token')),
    storeFactory: confStore,
    env: { DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl, ...env },
    mode: 'headless',
    // Discord's 5 s between IDENTIFYs would slow every stop/start test; lifecycle tests set their own.
    monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50 },
    ...extra,
  });
}

export const configuredEnv = (world: World, channelId = world.channelId): NodeJS.ProcessEnv => ({
  DISCORD_TOKEN: TOKEN,
  DISCORD_GUILD_ID: world.guildId,
  DISCORD_CHANNEL_ID: channelId,
});

/** Resolves with the first payload of `event` that matches, or rejects after `timeoutMs` saying what was awaited. */
export function nextEvent<E extends EventName>(
  core: Core,
  event: E,
  match: (p: EventPayload<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.bus.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Records every event the panel would receive. */
export function recordEvents(core: Core): Array<{ event: EventName; payload: unknown }> {
  const seen: Array<{ event: EventName; payload: unknown }> = [];
  core.bus.onAny((event, payload) => seen.push({ event, payload }));
  return seen;
}

/** Waits until the bot status has `state` (now or later). */
export async function waitState(core: Core, state: string, timeoutMs = 8000) {
  if (core.monitor.status().state === state) return core.monitor.status();
  return nextEvent(core, 'bot.status', (s) => s.state === state, timeoutMs);
}

/** Starts `core`'s bot and resolves once it is connected (the 'connected' status may come at once). */
export async function startConnected(core: Core, timeoutMs = 15_000): Promise<Core> {
  const connected = waitState(core, 'connected', timeoutMs);
  await core.monitor.start();
  await connected;
  return core;
}

/** Per test a fresh world and a slot for its core (shut down after the test); `connected()` starts one configured and connected. */
export function coreEachWorld(opts: Parameters<typeof createWorld>[0] = {}): { world: World; core: Core | null; connected(timeoutMs?: number): Promise<Core> } {
  const t = {
    world: undefined as unknown as World,
    core: null as Core | null,
    connected: async (timeoutMs?: number): Promise<Core> => startConnected((t.core = await coreFor(t.world, configuredEnv(t.world))), timeoutMs),
  };
  eachWorld(opts, { set: (w) => (t.world = w), core: () => t.core, clear: () => (t.core = null) });
  return t;
}

/**
 * A fresh world for each test, torn down after it: the test's core first (it holds the gateway
 * session), then the fake Discord and the temp folder. The test file keeps its own `world`/`core`.
 */
export function eachWorld(
  opts: Parameters<typeof createWorld>[0],
  slots: { set(world: World): void; core(): Core | null; clear(): void },
): void {
  let current: World | null = null;
  beforeEach(async () => {
    current = await createWorld(opts);
    slots.set(current);
  });
  afterEach(async () => {
    await slots.core()?.shutdown();
    slots.clear();
    await current?.close();
  });
}
