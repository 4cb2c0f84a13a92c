// A new channel saved while the bot runs (outside review). The bot went on watching the old channel while
// the settings and the panel named the new one, and a backfill running in the old channel went on in the
// new one from the old channel's cursor: the new channel's messages between that cursor and its oldest
// stored one were skipped, and no later backfill filled the hole.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, recordEvents, startConnected, TOKEN, waitState, type World } from '../helpers/world.js';

const DAY = 86_400_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

/** A core whose channel comes from the settings (an environment variable would pin it), watching `channelId`. */
async function watching(channelId: string): Promise<Core> {
  const { DISCORD_CHANNEL_ID: _pinned, ...env } = configuredEnv(world);
  core = await coreFor(world, env);
  await call(core, 'settings.save', { channelId });
  return startConnected(core, 30_000);
}

const storedIn = (channelId: string): Set<string> => {
  const db = new Database(join(world.dataDir, 'messages.sqlite'), { readonly: true });
  try {
    return new Set((db.prepare('SELECT id FROM messages WHERE channel_id = ?').all(channelId) as { id: string }[]).map((r) => r.id));
  } finally {
    db.close();
  }
};

describe('a channel switch while running', { timeout: 120_000 }, () => {
  it('the bot reconnects to the new channel: its messages are shown, the old one\'s no longer; one session throughout', async () => {
    const c = await watching(world.channelId);
    const events = recordEvents(c);
    const sampler = world.fake.sampleLiveSessions(TOKEN, 5);
    await call(c, 'settings.save', { channelId: world.otherChannelId });
    await world.fake.waitFor(() => c.monitor.status().state === 'connected' && c.monitor.status().channel?.id === world.otherChannelId, 30_000);
    const inB = nextEvent(c, 'message.created', (m) => m.content === 'in B', 10_000);
    world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'in A' });
    world.fake.postMessage(world.otherChannelId, { authorId: world.userId, content: 'in B' });
    expect((await inB).channelId).toBe(world.otherChannelId);
    await c.monitor.writesDone();
    expect(events.some((e) => e.event === 'message.created' && (e.payload as { content: string }).content === 'in A')).toBe(false);
    expect(sampler.stop().max).toBe(1);
    expect(world.fake.liveSessions(TOKEN)).toBe(1);
  });

  it('a backfill of the old channel stops at the switch; the new channel is then backfilled whole', async () => {
    const now = Date.now();
    const A = world.channelId;
    const B = world.otherChannelId;
    world.fake.postHistory(A, [world.userId], 1500, now - 60 * DAY, now - 30 * DAY, (i) => `A ${i}`);
    const onB = world.fake.postHistory(B, [world.userId], 1500, now - 60 * DAY, now - 60_000, (i) => `B ${i}`);
    // B watched first (its newest stored), then A.
    const c = await watching(B);
    await call(c, 'settings.save', { channelId: A });
    await waitState(c, 'connected', 30_000);
    await world.fake.waitFor(() => c.monitor.status().channel?.id === A, 30_000);
    // One page a second: the switch lands while A's backfill is running.
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1000 } });
    const reading = nextEvent(c, 'history.backfill', (v) => v.state === 'running' && v.fetched >= 200, 30_000);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await reading;
    const ended = nextEvent(c, 'history.backfill', (v) => v.state !== 'running', 30_000);
    await call(c, 'settings.save', { channelId: B });
    expect((await ended).state).toBe('cancelled');
    world.fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
    await world.fake.waitFor(() => c.monitor.status().state === 'connected' && c.monitor.status().channel?.id === B, 30_000);
    const done = nextEvent(c, 'history.backfill', (v) => v.state === 'done', 60_000);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await done;
    await c.monitor.writesDone();
    const stored = storedIn(B);
    expect(onB.filter((m) => !stored.has(m.id)).map((m) => m.content)).toEqual([]);
  });
});

describe('a backfill started while another runs', { timeout: 60_000 }, () => {
  it('runs: pages are read for it (it stayed "running" with no request, forever)', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 2000, now - 20 * DAY, now - 60_000);
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core, 30_000);
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 1000 } });
    const first = nextEvent(c, 'history.backfill', (v) => v.state === 'running' && v.fetched >= 100, 20_000);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await first;
    // The first job's next page is waiting on the rate limit when the second starts.
    await new Promise((r) => setTimeout(r, 200));
    const done = nextEvent(c, 'history.backfill', (v) => v.state === 'done', 30_000);
    const second = await call<BackfillView>(c, 'history.backfill', { mode: 'history', limit: 1000, periodHours: null });
    expect(second.fetched).toBe(0);
    world.fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
    expect((await done).fetched).toBe(1000);
  });
});
