// FETCH_MODE / FETCH_LIMIT / FETCH_PERIOD with the real core and the fake Discord: "history" starts
// the backfill by itself once the bot is connected, once per channel, limit and period.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, recordEvents, waitState, type World } from '../helpers/world.js';
import { call, storedIds } from '../helpers/core-calls.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const done = (c: Core) => nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
const started = (events: ReturnType<typeof recordEvents>) =>
  events.filter((e) => e.event === 'history.backfill' && (e.payload as BackfillView).state === 'running').length;

async function restart(env: NodeJS.ProcessEnv): Promise<Core> {
  await core?.shutdown();
  core = await coreFor(world, env);
  return core;
}

describe('backfill from the settings', { timeout: 120_000 }, () => {
  it('FETCH_MODE=history runs to FETCH_LIMIT once connected, and is not repeated after a restart', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 400, now - 3 * DAY, now - 60_000);
    const env = { ...configuredEnv(world), FETCH_MODE: 'history', FETCH_LIMIT: '100', FETCH_PERIOD: 'all' };
    const c = await restart(env);
    expect(c.settings.view()).toMatchObject({ fetchMode: 'history', fetchLimit: '100', fetchPeriod: 'all', fromEnv: { fetchMode: 'FETCH_MODE', fetchLimit: 'FETCH_LIMIT' } });
    const finished = done(c);
    const logged = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'backfill.log.auto', DEADLINE_MS);
    await c.monitor.start();
    const view = await finished;
    expect(view).toMatchObject({ fetched: 100, options: { mode: 'history', limit: 100, periodHours: null } });
    expect((await logged).message).toBe('History backfill started by the settings (history: up to 100 messages, any age).');
    expect(await storedIds(c)).toEqual(old.slice(-150).map((m) => m.id));

    // Already done for this channel, limit and period: the next start leaves it alone.
    const again = await restart(env);
    const events = recordEvents(again);
    await again.monitor.start();
    await waitState(again, 'connected', DEADLINE_MS);
    expect(started(events)).toBe(0);
    expect(await call<BackfillView>(again, 'history.status')).toMatchObject({ state: 'done', fetched: 100 });
    expect(await storedIds(again)).toHaveLength(150);
  });

  it('settings saved in the panel: the period is read to its end; a new limit starts a new job', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 600, now - 3 * DAY, now - 60_000);
    const c = await restart(configuredEnv(world));
    await c.monitor.start();
    await waitState(c, 'connected', DEADLINE_MS);
    expect(c.settings.view().fetchMode).toBe('recent');
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('idle');

    const finished = done(c);
    await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: '24h' });
    const view = await finished;
    const inPeriod = old.filter((m) => Date.parse(m.timestamp) >= now - DAY).map((m) => m.id);
    expect(view.options).toEqual({ mode: 'history', limit: null, periodHours: 24 });
    expect(await storedIds(c)).toEqual(inPeriod);

    // Saving an unrelated setting does not start it again.
    const events = recordEvents(c);
    await call(c, 'settings.save', { highlightKeywords: ['deploy'] });
    expect(started(events)).toBe(0);

    // A longer period is a different job: it continues from the oldest stored message.
    const longer = done(c);
    await call(c, 'settings.save', { fetchPeriod: '7d' });
    expect((await longer).options.periodHours).toBe(168);
    expect(await storedIds(c)).toEqual(old.map((m) => m.id));
  });

  it('a backfill cancelled in the panel stays cancelled after a restart', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 2000, now - 30 * DAY, now - 60_000);
    const env = { ...configuredEnv(world), FETCH_MODE: 'history', FETCH_LIMIT: 'all', FETCH_PERIOD: '30d' };
    const c = await restart(env);
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 150 } });
    const running = nextEvent(c, 'history.backfill', (v) => v.state === 'running' && v.fetched >= 100, DEADLINE_MS);
    await c.monitor.start();
    await running;
    expect((await call<BackfillView>(c, 'history.cancel')).state).toBe('cancelled');

    world.fake.setRateLimits({ perRoute: { limit: 1000, resetAfterMs: 1000 } });
    const again = await restart(env);
    const events = recordEvents(again);
    await again.monitor.start();
    await waitState(again, 'connected', DEADLINE_MS);
    expect(started(events)).toBe(0);
    expect((await call<BackfillView>(again, 'history.status')).state).toBe('cancelled');
  });

  it('back to "recent only" stops the settings\' job, and only that one', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 2000, now - 30 * DAY, now - 60_000);
    const c = await restart(configuredEnv(world));
    await c.monitor.start();
    await waitState(c, 'connected', DEADLINE_MS);
    world.fake.setRateLimits({ perRoute: { limit: 1, resetAfterMs: 150 } });
    await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: 'all' });
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('running');
    await call(c, 'settings.save', { fetchMode: 'recent' });
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('cancelled');

    // A job started from the panel is the user's: changing the settings to "recent" again leaves it.
    await call(c, 'settings.save', { fetchMode: 'history' });
    await call(c, 'history.backfill', { mode: 'history', limit: 10000, periodHours: null });
    await call(c, 'settings.save', { fetchMode: 'recent' });
    expect(await call<BackfillView>(c, 'history.status')).toMatchObject({ state: 'running', options: { limit: 10000 } });
  });

  it('a job saved by an earlier run: failed for these settings continues; for another channel a new one starts; one from the panel is not replaced', async () => {
    const now = Date.now();
    const old = world.fake.postHistory(world.channelId, [world.userId], 300, now - 3 * DAY, now - 60_000);
    const env = { ...configuredEnv(world), FETCH_MODE: 'history', FETCH_LIMIT: '1000', FETCH_PERIOD: '7d' };
    const settingsJob = { mode: 'history', limit: 1000, periodHours: 168 };
    // As backfill.json holds it: failed (say Read Message History was missing) after its first page.
    const saved = (job: object) =>
      writeFileSync(join(world.dataDir, 'backfill.json'), JSON.stringify({ cursor: old[150]!.id, cutoff: now - 7 * DAY, fromTime: now, stored: 100, reachedAt: null, message: null, ...job }));

    // Done, but for another channel: this channel's job runs (from the oldest stored message, past the first load's 50).
    saved({ options: settingsJob, channelId: world.otherChannelId, state: 'done', fetched: 5 });
    let c = await restart(env);
    let finished = done(c);
    await c.monitor.start();
    expect(await finished).toMatchObject({ fetched: 300 - 50, options: settingsJob });

    saved({ options: settingsJob, channelId: world.channelId, state: 'failed', fetched: 100 });
    c = await restart(env);
    finished = done(c);
    await c.monitor.start();
    // Continued from its cursor and count, not started over.
    expect(await finished).toMatchObject({ fetched: 100 + 150, options: settingsJob });

    const fromPanel = { mode: 'history', limit: 100, periodHours: null };
    saved({ options: fromPanel, channelId: world.channelId, state: 'paused', fetched: 0, cursor: old[200]!.id, cutoff: null });
    c = await restart(env);
    finished = done(c);
    await c.monitor.start();
    expect(await finished).toMatchObject({ options: fromPanel, fetched: 100 });
  });

  it('invalid FETCH_* values are ignored and said; the stored mode (recent) stays', async () => {
    world.fake.postHistory(world.channelId, [world.userId], 200, Date.now() - DAY, Date.now() - 60_000);
    const c = await restart({ ...configuredEnv(world), FETCH_MODE: 'everything', FETCH_LIMIT: '500', FETCH_PERIOD: '1y' });
    const said = c.settings.notices.filter((n) => n.code === 'environment-ignored').map((n) => n.message);
    expect(said).toEqual([
      'FETCH_MODE ignored: must be recent or history.',
      'FETCH_LIMIT ignored: must be 100, 1000, 10000 or all.',
      'FETCH_PERIOD ignored: must be 24h, 7d, 30d or all.',
    ]);
    expect(c.settings.view()).toMatchObject({ fetchMode: 'recent', fetchLimit: '1000', fetchPeriod: '7d' });
    expect(c.settings.view().fromEnv).not.toHaveProperty('fetchMode');
    const events = recordEvents(c);
    await c.monitor.start();
    await waitState(c, 'connected', DEADLINE_MS);
    expect(started(events)).toBe(0);
    expect(await storedIds(c)).toHaveLength(50);
  });
});
