// Invariant 1 — one gateway session per bot token at any instant — under outages, watchdog
// replacements and Stop, counted on the fake every 5 ms for the whole scenario (issue 8 items 0, 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { MonitorOptions } from '../../electron/core/bot/monitor.js';
import { configuredEnv, coreFor, createWorld, nextEvent, TOKEN, waitState, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;

// A 250 ms heartbeat and 4 silent intervals make a 1 s watchdog: outages of 3 s outlast it.
const TUNING: Partial<MonitorOptions> = { retryBaseMs: 100, retryMaxMs: 400, watchdogIntervals: 4, watchdogDefaultIntervalMs: 250, identifySpacingMs: 500 };

beforeEach(async () => {
  world = await createWorld({ heartbeatIntervalMs: 250 });
});
afterEach(async () => {
  await core?.shutdown();
  core = null;
  await world.close();
});

async function connected(tuning = TUNING): Promise<Core> {
  core = await coreFor(world, configuredEnv(world), { monitorTuning: tuning });
  const up = waitState(core, 'connected');
  await core.monitor.start();
  await up;
  return core;
}

/** Watches for `ms` (the assertion is that nothing happens in this window). */
const observe = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one session per token through an outage', () => {
  it('an outage longer than the watchdog: the replaced client never comes back (max 1 live session, sampled every 5 ms)', async () => {
    const c = await connected();
    const sampler = world.fake.sampleLiveSessions(TOKEN, 5);
    const replaced = nextEvent(c, 'log.entry', (e) => /gateway silent/.test(e.message), 3000);
    world.fake.outage(3000);
    await replaced;
    await world.fake.waitFor(() => !world.fake.inOutage(), 5000);
    await waitState(c, 'connected', 15_000);
    const identifiesWhenBack = world.fake.identifyCount(TOKEN);
    // The old client used to re-IDENTIFY on its own some seconds after the outage ended.
    await observe(3000);
    const { max, samples } = sampler.stop();
    console.log(`[measure] outage > watchdog: max live sessions ${max} over ${samples} samples; IDENTIFYs ${world.fake.identifyCount(TOKEN)}`);
    expect(max).toBe(1);
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
    expect(world.fake.identifyCount(TOKEN)).toBe(identifiesWhenBack);
    expect(c.monitor.status().state).toBe('connected');
  }, 30_000);

  it('Stop 3 s into an outage (after the watchdog replaced the client): once stop() resolves nothing ever connects again', async () => {
    const c = await connected();
    const sampler = world.fake.sampleLiveSessions(TOKEN, 5);
    const outageAt = performance.now();
    world.fake.outage(5000);
    await nextEvent(c, 'log.entry', (e) => /gateway silent/.test(e.message), 3000);
    await observe(3000 - (performance.now() - outageAt));
    const t0 = performance.now();
    const status = await c.monitor.stop();
    const stopMs = performance.now() - t0;
    const attempts = world.fake.connectionAttempts();
    const identifies = world.fake.identifyCount(TOKEN);
    const resumes = world.fake.resumeCount(TOKEN);
    expect(status.state).toBe('ready');
    expect(status.sentence).toBe('Ready — monitoring is stopped.');
    await world.fake.waitFor(() => !world.fake.inOutage(), 6000);
    // Long enough for a leftover reconnect loop (0.5 s) and identify throttle (5 s + jitter) to show.
    await observe(7000);
    const { max, samples } = sampler.stop();
    console.log(`[measure] stop during outage: ${stopMs.toFixed(1)} ms; max live ${max} over ${samples} samples; connection attempts after stop ${world.fake.connectionAttempts() - attempts}`);
    expect(world.fake.connectionAttempts()).toBe(attempts);
    expect(world.fake.identifyCount(TOKEN)).toBe(identifies);
    expect(world.fake.resumeCount(TOKEN)).toBe(resumes);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
    expect(max).toBe(1);
    expect(c.monitor.status().state).toBe('ready');
  }, 30_000);
});

describe('stop() resolves only once the session is closed', () => {
  it('0 live sessions at the instant stop() resolves, connected', async () => {
    const c = await connected();
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
    const t0 = performance.now();
    // Read in the resolution callback itself: no I/O can run between the two.
    const live = await c.monitor.stop().then(() => world.fake.liveSessions(TOKEN));
    console.log(`[measure] stop() while connected: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(live).toBe(0);
    expect(world.fake.closeCodes(TOKEN)).toContain(1000);
  });

  it('0 live sessions at the instant bot.stop resolves through dispatch, and stopping is logged', async () => {
    const c = await connected();
    const logged = nextEvent(c, 'log.entry', (e) => e.message === 'Monitoring stopped; disconnected from Discord.');
    const live = await c.dispatch('bot.stop', undefined).then(() => world.fake.liveSessions(TOKEN));
    expect(live).toBe(0);
    expect((await logged).level).toBe('info');
  });

  it('0 live sessions when stop() resolves during login, and that client never connects afterwards', async () => {
    core = await coreFor(world, configuredEnv(world), { monitorTuning: TUNING });
    for (let i = 0; i < 5; i++) {
      const connects = world.fake.connectionAttempts();
      await core.monitor.start();
      // Stop as soon as the gateway sees the connection, i.e. mid-handshake.
      await world.fake.waitFor(() => world.fake.connectionAttempts() > connects, 5000);
      const live = await core.monitor.stop().then(() => world.fake.liveSessions(TOKEN));
      expect(live).toBe(0);
    }
    const attempts = world.fake.connectionAttempts();
    await observe(1500);
    expect(world.fake.connectionAttempts()).toBe(attempts);
    expect(world.fake.liveSessions(TOKEN)).toBe(0);
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBeLessThanOrEqual(1);
  }, 20_000);

  it('stop during an outage resolves fast (no 10 s wait for a close nobody answers) with 0 live sessions', async () => {
    const c = await connected();
    world.fake.outage(3000);
    await nextEvent(c, 'bot.status', (s) => /resuming/.test(s.sentence), 2000);
    const t0 = performance.now();
    const live = await c.monitor.stop().then(() => world.fake.liveSessions(TOKEN));
    const ms = performance.now() - t0;
    console.log(`[measure] stop() during an outage: ${ms.toFixed(1)} ms`);
    expect(live).toBe(0);
    expect(ms).toBeLessThan(2000);
  });
});

describe('a RESUME Discord never answers (issue 8 item 4)', () => {
  it('is given up at the deadline for a new session, said in log and status; messages posted meanwhile are caught up', async () => {
    // Heartbeats are still acknowledged, so the watchdog (2 s here) stays quiet: only the deadline helps.
    const c = await connected({ ...TUNING, watchdogIntervals: 8, resumeDeadlineMs: 1000 });
    const sampler = world.fake.sampleLiveSessions(TOKEN, 5);
    world.fake.setResumeUnanswered(true);
    const gaveUp = nextEvent(c, 'log.entry', (e) => e.message === 'Discord did not resume the session within 1 s; starting a new session and fetching the messages posted meanwhile.', 5000);
    const said = nextEvent(c, 'bot.status', (s) => s.sentence === 'Discord did not answer the session resume — starting a new session and fetching what was missed…', 5000);
    const t0 = performance.now();
    world.fake.dropConnections();
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'while the resume hung' });
    await world.fake.waitFor(() => world.fake.resumeCount(TOKEN) >= 1, 3000);
    await gaveUp;
    await said;
    const caught = await nextEvent(c, 'message.created', (m) => m.content === 'while the resume hung', 10_000);
    await waitState(c, 'connected', 10_000);
    console.log(`[measure] unanswered RESUME → connected on a new session: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(caught.caughtUp).toBe(true);
    expect(world.fake.identifyCount(TOKEN)).toBe(2);
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
    expect(sampler.stop().max).toBe(1);
  }, 20_000);
});
