// Catch-up against the real discord.js and the documented fake: no page cap, every message once and
// in order (also under 429s and with live messages arriving meanwhile), a hole never skipped, and a
// catch-up after a re-IDENTIFY.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { ChatMessage } from '../../shared/types.js';
import { configuredEnv, coreFor, nextEvent, TOKEN, waitState, type World, eachWorld } from '../helpers/world.js';

// A second IDENTIFY within 5 s waits for Discord's identify spacing, hence the long deadlines.
const DEADLINE_MS = 60_000;

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

async function connectedCore(): Promise<Core> {
  core = await coreFor(world, configuredEnv(world));
  const connected = waitState(core, 'connected', DEADLINE_MS);
  await core.monitor.start();
  await connected;
  return core;
}

function createdIds(c: Core): string[] {
  const ids: string[] = [];
  c.bus.on('message.created', (m: ChatMessage) => ids.push(m.id));
  return ids;
}

describe('catch-up', { timeout: 120_000 }, () => {
  it('10,000 missed messages arrive once each, in order, under 429s, with live ones posted meanwhile after them', async () => {
    const c = await connectedCore();
    await c.monitor.stop();
    const backlog = world.fake.postBacklog(world.channelId, [world.userId], 10_000).map((m) => m.id);
    // Small buckets (discord.js waits on X-RateLimit-Remaining) plus every 9th request refused.
    world.fake.setRateLimits({ perRoute: { limit: 5, resetAfterMs: 100 }, storm: { every: 9, retryAfterMs: 30, scope: 'shared' } });
    const ids = createdIds(c);
    const live: string[] = [];
    const progress = nextEvent(c, 'bot.status', (s) => s.sentence.startsWith('Catching up'), DEADLINE_MS);
    await c.monitor.start();
    expect((await progress).sentence).toMatch(/^Catching up: [\d,]+ of about [\d,]+ messages…$/);
    for (let i = 0; i < 3; i++) live.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `live ${i}` }).id);
    await world.fake.waitFor(() => ids.includes(live.at(-1)!), DEADLINE_MS);
    await waitState(c, 'connected', DEADLINE_MS);
    expect(ids).toEqual([...backlog, ...live]);
    expect([...world.fake.restRequests().entries()].find(([route]) => route.startsWith('GET /channels/:id/messages'))?.[1]).toBeGreaterThanOrEqual(100);
  });

  it('a catch-up that fails midway says so, shows live messages, and fills the hole once Discord answers, without duplicates', async () => {
    const c = await connectedCore();
    await c.monitor.stop();
    const backlog = world.fake.postBacklog(world.channelId, [world.userId], 1_000).map((m) => m.id);
    const ids = createdIds(c);
    let down = false;
    c.bus.on('bot.status', (s) => {
      if (!down && s.sentence.startsWith('Catching up')) {
        down = true;
        world.fake.setRateLimits({ down: true });
      }
    });
    const warned = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Could not fetch every message posted while disconnected'), DEADLINE_MS);
    await c.monitor.start();
    expect((await warned).message).toMatch(/\(100 recovered\).*Still monitoring live/);
    await waitState(c, 'connected', DEADLINE_MS);
    const live = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'live during the hole' }).id;
    await world.fake.waitFor(() => ids.includes(live), DEADLINE_MS);

    const filled = nextEvent(c, 'log.entry', (e) => e.message.startsWith('Fetched the 900 messages that could not be fetched earlier'), DEADLINE_MS);
    world.fake.setRateLimits({ down: false });
    await filled;
    expect(new Set(ids).size).toBe(ids.length);
    // Shown in order up to the hole, then the live one, then the rest of the hole in order.
    expect(ids).toEqual([...backlog.slice(0, 100), live, ...backlog.slice(100)]);
    // The resume point moved past the hole only once it was filled: a restart fetches nothing again.
    await c.monitor.stop();
    await c.monitor.start();
    await waitState(c, 'connected', DEADLINE_MS);
    expect(ids).toHaveLength(1_001);
  });

  it('stopped in the middle of a catch-up, the next start continues from the last message shown', async () => {
    const c = await connectedCore();
    await c.monitor.stop();
    const backlog = world.fake.postBacklog(world.channelId, [world.userId], 1_000).map((m) => m.id);
    const ids = createdIds(c);
    let stopping: Promise<unknown> | null = null;
    c.bus.on('bot.status', (s) => {
      if (!stopping && s.sentence.startsWith('Catching up')) stopping = c.monitor.stop();
    });
    await c.monitor.start();
    await world.fake.waitFor(() => stopping !== null, DEADLINE_MS);
    await stopping;
    expect(ids.length).toBeLessThan(1_000);
    await c.monitor.start();
    await world.fake.waitFor(() => ids.includes(backlog.at(-1)!), DEADLINE_MS);
    expect(ids).toEqual(backlog);
  });

  it('a gateway drop in the middle of a 5,000-message burst, session refused: all 5,000 once, in order', async () => {
    const c = await connectedCore();
    const ids = createdIds(c);
    const posted: string[] = [];
    for (let i = 0; i < 2_500; i++) posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `burst ${i}` }).id);
    // The session cannot be resumed (past the replay window): what follows reaches us only by REST.
    world.fake.invalidateSessions();
    world.fake.dropConnections();
    for (let i = 2_500; i < 5_000; i++) posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `burst ${i}` }).id);
    await world.fake.waitFor(() => ids.length >= 5_000, DEADLINE_MS);
    expect(ids).toEqual(posted);
  });

  it('a re-IDENTIFY (session invalidated) fetches what was posted while the session was gone', async () => {
    const c = await connectedCore();
    const ids = createdIds(c);
    world.fake.invalidateSessions();
    world.fake.dropConnections();
    // Posted with no gateway event, as while no session existed: only a catch-up can find them.
    const missed = world.fake.postBacklog(world.channelId, [world.userId], 3).map((m) => m.id);
    await world.fake.waitFor(() => world.fake.identifyCount(TOKEN) === 2, DEADLINE_MS);
    await world.fake.waitFor(() => ids.length === 3, DEADLINE_MS);
    expect(ids).toEqual(missed);
  });
});
