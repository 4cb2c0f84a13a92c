// Every way Discord's gateway can interrupt a session (docs: Gateway → Resuming, Opcodes and Status
// Codes), against the real discord.js: the monitor comes back with one live session, never two.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Core } from '../../electron/core/app-core.js';
import { configuredEnv, coreFor, nextEvent, TOKEN, waitState, type World, eachWorld } from '../helpers/world.js';
import type { FakeDiscord } from '../fake-discord/server.js';

let world: World;
let core: Core | null = null;
eachWorld({ heartbeatIntervalMs: 250 }, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const faults: Array<[string, (f: FakeDiscord) => void, 'resume' | 'identify']> = [
  ['op 7 RECONNECT', (f) => f.sendReconnect(), 'resume'],
  ['op 9 INVALID_SESSION, resumable', (f) => f.sendInvalidSession(true), 'resume'],
  ['op 9 INVALID_SESSION, not resumable', (f) => f.sendInvalidSession(false), 'identify'],
  ['close 4000 unknown error', (f) => f.closeSessions(4000), 'resume'],
  ['close 4007 invalid seq', (f) => f.closeSessions(4007), 'identify'],
  // discord.js starts a new session after 4008 (Discord allows either).
  ['close 4008 rate limited', (f) => f.closeSessions(4008), 'identify'],
  ['close 4009 session timed out', (f) => f.closeSessions(4009), 'identify'],
];

describe('gateway interruptions', () => {
  it.each(faults)('%s: back to one live session (sampled every 5 ms), no message lost', async (_name, fault, expected) => {
    core = await coreFor(world, configuredEnv(world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 200 } });
    const c = core;
    const up = waitState(c, 'connected');
    await c.monitor.start();
    await up;
    const sampler = world.fake.sampleLiveSessions(TOKEN, 5);
    fault(world.fake);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'during' });
    // Waits, not speed targets: a loaded CI machine once took over 5 s to see the RESUME (the sampler decides).
    const during = nextEvent(c, 'message.created', (m) => m.content === 'during', 20_000);
    if (expected === 'resume') await world.fake.waitFor(() => world.fake.resumeCount(TOKEN) >= 1, 15_000);
    else await world.fake.waitFor(() => world.fake.identifyCount(TOKEN) === 2, 15_000);
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 1, 15_000);
    await during;
    await waitState(c, 'connected', 15_000);
    const after = nextEvent(c, 'message.created', (m) => m.content === 'after');
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'after' });
    await after;
    expect(sampler.stop().max).toBe(1);
    expect(world.fake.identifyCount(TOKEN)).toBe(expected === 'resume' ? 1 : 2);
  }, 60_000);

  it('op 1 from the server gets a heartbeat at once', async () => {
    core = await coreFor(world, configuredEnv(world));
    const up = waitState(core, 'connected');
    await core.monitor.start();
    await up;
    const before = world.fake.heartbeatCount(TOKEN);
    const t0 = performance.now();
    world.fake.requestHeartbeat();
    await world.fake.waitFor(() => world.fake.heartbeatCount(TOKEN) > before, 200);
    // Well under the 250 ms interval: it answered the request rather than its own timer.
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('the fake counts a session live only while it heartbeats', () => {
  it('a client that IDENTIFYs then never heartbeats is dropped with 4009 after interval + jitter', async () => {
    const ws = new WebSocket(`${world.fake.gatewayUrl}?v=10&encoding=json`);
    ws.on('error', () => undefined);
    const closedWith = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('message', resolve)); // HELLO
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 << 15, properties: {} } }));
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 1, 2000);
    const t0 = performance.now();
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 3000);
    const silentMs = performance.now() - t0;
    expect(silentMs).toBeGreaterThan(300);
    expect(await closedWith).toBe(4009);
    expect(world.fake.sessionStartLimit(TOKEN).remaining).toBe(999);
  });

  it('an outage refuses connections until it ends', async () => {
    world.fake.outage(400);
    const refused = new WebSocket(world.fake.gatewayUrl);
    const error = await new Promise<Error>((resolve) => refused.on('error', resolve));
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    await world.fake.waitFor(() => !world.fake.inOutage(), 2000);
    const ok = new WebSocket(world.fake.gatewayUrl);
    ok.on('error', () => undefined);
    const hello = await new Promise<string>((resolve) => ok.once('message', (d) => resolve(String(d))));
    expect(JSON.parse(hello)).toMatchObject({ op: 10, d: { heartbeat_interval: 250 } });
    ok.close();
  });
});
