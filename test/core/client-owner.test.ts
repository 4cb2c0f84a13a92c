// Each defence that makes a retired client unable to connect again, exercised on its own with the
// real @discordjs/ws shard against the fake gateway (the lifecycle tests cover them together).
import { REST } from 'discord.js';
import { WebSocketManager, type WebSocketShard } from '@discordjs/ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientOwner } from '../../electron/core/bot/client-owner.js';
import { IdentifyGate } from '../../electron/core/bot/identify-gate.js';
import { RetirableStrategy } from '../../electron/core/bot/retirable-strategy.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';

let world: World;
let manager: WebSocketManager | null = null;

beforeEach(async () => {
  world = await createWorld({ heartbeatIntervalMs: 250 });
});
afterEach(async () => {
  await Promise.resolve(manager?.destroy()).catch(() => undefined);
  manager = null;
  await world.close();
});

interface ShardInternals {
  internalConnect(): Promise<void>;
  connection: { readyState: number } | null;
}

async function connectedShard(): Promise<{ strategy: RetirableStrategy; shard: ShardInternals }> {
  let strategy: RetirableStrategy | null = null;
  manager = new WebSocketManager({
    token: TOKEN,
    intents: 1 << 9,
    rest: new REST({ api: world.fake.apiUrl }).setToken(TOKEN),
    buildStrategy: (m) => (strategy = new RetirableStrategy(m)),
  });
  // discord.js turns shard errors into its 'shardError' event; a bare manager must listen itself.
  manager.on('error', () => undefined);
  await manager.connect();
  const shards = (strategy! as unknown as { shards: Map<number, WebSocketShard> }).shards;
  return { strategy: strategy!, shard: shards.get(0) as unknown as ShardInternals };
}

/** Watches for `ms`: the assertion is that nothing happens meanwhile. */
const observe = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RetirableStrategy', () => {
  it('the reconnect @discordjs/ws scheduled before retirement opens no socket', async () => {
    const { strategy, shard } = await connectedShard();
    strategy.retire();
    await manager!.destroy();
    const old = shard.connection;
    const attempts = world.fake.connectionAttempts();
    // What destroy({ recover }) runs after its 500 ms sleep, when destroy() was a no-op ("shard was idle").
    await shard.internalConnect();
    expect(shard.connection).toBe(old);
    await observe(300);
    expect(world.fake.connectionAttempts()).toBe(attempts);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
  });

  it('a socket created after retirement (a connect already past the check) is terminated at once', async () => {
    const { strategy, shard } = await connectedShard();
    await manager!.destroy();
    const identifies = world.fake.identifyCount(TOKEN);
    // internalConnect awaits the session store before creating its socket: retire in between.
    const connecting = shard.internalConnect();
    strategy.retire();
    await connecting;
    await observe(500);
    expect(strategy.openSockets()).toEqual([]);
    expect(world.fake.identifyCount(TOKEN)).toBe(identifies);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
  });
});

describe('IdentifyGate throttler', () => {
  it('a retired client never passes; the shard giving up rejects the wait', async () => {
    const gate = new IdentifyGate(50);
    const retired = new AbortController();
    const shardSignal = new AbortController();
    const throttler = gate.throttler(retired.signal, () => undefined);
    await throttler.waitForIdentify(0, shardSignal.signal); // the first IDENTIFY, reserved at launch
    retired.abort();
    let passed = false;
    const waiting = throttler.waitForIdentify(0, shardSignal.signal).then(() => (passed = true));
    waiting.catch(() => undefined);
    await observe(200);
    expect(passed).toBe(false);
    shardSignal.abort();
    await expect(waiting).rejects.toBeDefined();
    expect(passed).toBe(false);
  });

  it('a later IDENTIFY of the same client waits for the spacing', async () => {
    const gate = new IdentifyGate(300);
    const throttler = gate.throttler(new AbortController().signal, () => undefined);
    const signal = new AbortController().signal;
    await throttler.waitForIdentify(0, signal);
    const t0 = performance.now();
    await throttler.waitForIdentify(0, signal);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(295);
  });
});

describe('ClientOwner', () => {
  it('a client retired during login(): its login() promise settles (rejected, not left pending)', async () => {
    const owner = new ClientOwner({ gate: new IdentifyGate(50), closeTimeoutMs: 1000, onRefused: () => undefined });
    const client = await owner.create({ intents: 1 << 9, rest: { api: world.fake.apiUrl } });
    // No HELLO: the shard sits between its socket and READY, the window a stop during login lands in.
    world.fake.setSilent(true);
    const connects = world.fake.connectionAttempts();
    const login = client.login(TOKEN).then(
      () => 'resolved',
      (err: unknown) => err,
    );
    await world.fake.waitFor(() => world.fake.connectionAttempts() > connects, 5000);
    await owner.destroy();
    const outcome = await Promise.race([login, observe(3000).then(() => 'still pending')]);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/retired/);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
  });
});
