// Discord's IDENTIFY limits (issue 7 item 6): ≥ 5 s between new sessions, session_start_limit read
// from /gateway/bot and respected, start/stop spam collapsed into the last request.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { IdentifyGate, IDENTIFY_SPACING_MS } from '../../electron/core/bot/identify-gate.js';
import { configuredEnv, coreFor, nextEvent, TOKEN, waitState, type World, eachWorld } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
// Discord's real spacing (5 s), not the short one the other tests use.
const DISCORD_TUNING = { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400 } };

eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('start/stop spam', () => {
  it('2,000 alternating bot.start/bot.stop, each awaited: ≤ 2 IDENTIFYs, ends stopped with nothing live', async () => {
    core = await coreFor(world, configuredEnv(world), DISCORD_TUNING);
    const t0 = performance.now();
    let last;
    for (let i = 0; i < 2000; i++) last = await core.dispatch(i % 2 === 0 ? 'bot.start' : 'bot.stop', undefined);
    console.log(`[measure] 2,000 awaited start/stop: ${(performance.now() - t0).toFixed(0)} ms, ${world.fake.identifyCount(TOKEN)} IDENTIFY(s), ${world.fake.connectionAttempts()} gateway connection(s)`);
    expect(last).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(world.fake.identifyCount(TOKEN)).toBeLessThanOrEqual(2);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
    expect(core.monitor.isRunning()).toBe(false);
  }, 60_000);

  it('2,001 alternating commands fired at once: the last (start) wins, one session, ≤ 2 IDENTIFYs', async () => {
    core = await coreFor(world, configuredEnv(world), DISCORD_TUNING);
    const c = core;
    const replies = await Promise.all(Array.from({ length: 2001 }, (_, i) => c.dispatch(i % 2 === 0 ? 'bot.start' : 'bot.stop', undefined)));
    expect(replies.every((r) => r.ok)).toBe(true);
    await waitState(c, 'connected', 10_000);
    console.log(`[measure] 2,001 concurrent start/stop: ${world.fake.identifyCount(TOKEN)} IDENTIFY(s)`);
    expect(world.fake.identifyCount(TOKEN)).toBeLessThanOrEqual(2);
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  }, 30_000);
});

describe('IDENTIFY spacing', () => {
  it('a restart waits for Discord’s 5 s between IDENTIFYs and says so', async () => {
    core = await coreFor(world, configuredEnv(world), DISCORD_TUNING);
    const c = core;
    const up = waitState(c, 'connected');
    await c.monitor.start();
    await up;
    await c.monitor.stop();
    const waiting = await c.monitor.start();
    expect(waiting.state).toBe('connecting');
    expect(waiting.sentence).toMatch(/^Connecting to Discord in [1-5] s \(Discord allows one new session every 5 s\)…$/);
    await nextEvent(c, 'bot.status', (s) => s.state === 'connected', 10_000);
    const [first, second] = world.fake.identifyTimes(TOKEN);
    console.log(`[measure] restart: second IDENTIFY ${second! - first!} ms after the first`);
    expect(second! - first!).toBeGreaterThanOrEqual(IDENTIFY_SPACING_MS);
  }, 20_000);

  it('the gate defaults to 5,000 ms (+5 % for latency) and counts from the last reservation or IDENTIFY', () => {
    let now = 1_000_000;
    const gate = new IdentifyGate(undefined, () => now);
    expect(gate.waitMs()).toBe(0);
    gate.reserve();
    expect(gate.waitMs()).toBe(5250);
    now += 5249;
    expect(gate.waitMs()).toBe(1);
    now += 1;
    expect(gate.waitMs()).toBe(0);
  });
});

// A service manager restarting a crashing app: each new process used to IDENTIFY at once.
describe('across restarts of the app', () => {
  it('a new process on the same data folder still waits 5 s after the last IDENTIFY', async () => {
    const first = await coreFor(world, configuredEnv(world), DISCORD_TUNING);
    const up = waitState(first, 'connected');
    await first.monitor.start();
    await up;
    await first.shutdown();
    core = await coreFor(world, configuredEnv(world), DISCORD_TUNING);
    const waiting = await core.monitor.start();
    expect(waiting.sentence).toMatch(/^Connecting to Discord in [1-5] s/);
    await waitState(core, 'connected', 10_000);
    const [a, b] = world.fake.identifyTimes(TOKEN);
    console.log(`[measure] restart of the app: second IDENTIFY ${b! - a!} ms after the first`);
    expect(b! - a!).toBeGreaterThanOrEqual(IDENTIFY_SPACING_MS);
  }, 20_000);
});

describe('session_start_limit', () => {
  it('the fake spends one session start per IDENTIFY', async () => {
    core = await coreFor(world, configuredEnv(world));
    expect(world.fake.sessionStartLimit(TOKEN)).toMatchObject({ total: 1000, remaining: 1000, max_concurrency: 1 });
    const up = waitState(core, 'connected');
    await core.monitor.start();
    await up;
    expect(world.fake.sessionStartLimit(TOKEN).remaining).toBe(999);
    expect(world.fake.sessionStartLimit(TOKEN).reset_after).toBeGreaterThan(23 * 3600_000);
  });

  it('refuses to start with fewer than 10 left, saying when the limit resets, and never IDENTIFYs', async () => {
    world.fake.setSessionStartLimit(TOKEN, { remaining: 9, resetAfterMs: 3 * 3600_000 + 20 * 60_000 });
    core = await coreFor(world, configuredEnv(world));
    const failed = waitState(core, 'error');
    await core.monitor.start();
    const status = await failed;
    expect(status.error?.code).toBe('session-limit');
    expect(status.sentence).toMatch(/^Discord allows only 9 more new sessions for this bot token until .+ UTC; monitoring was not started, so Discord does not reset the token\.$/);
    expect(status.error?.hint).toMatch(/in 3 h 20 min/);
    expect(world.fake.identifyCount(TOKEN)).toBe(0);
    expect(core.monitor.isRunning()).toBe(false);
  });

  it('exactly 10 left still starts', async () => {
    world.fake.setSessionStartLimit(TOKEN, { remaining: 10 });
    core = await coreFor(world, configuredEnv(world));
    const up = waitState(core, 'connected');
    await core.monitor.start();
    await up;
    expect(world.fake.identifyCount(TOKEN)).toBe(1);
  });

  it('a session Discord invalidates is not re-identified once the budget is under the margin', async () => {
    world.fake.setSessionStartLimit(TOKEN, { remaining: 10 });
    core = await coreFor(world, configuredEnv(world));
    const up = waitState(core, 'connected');
    await core.monitor.start();
    await up;
    const failed = nextEvent(core, 'bot.status', (s) => s.state === 'error', 5000);
    world.fake.sendInvalidSession(false);
    expect((await failed).error?.code).toBe('session-limit');
    expect(world.fake.identifyCount(TOKEN)).toBe(1);
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 2000);
    expect(core.monitor.isRunning()).toBe(false);
  });
});
