// A backfill that fails (Discord unavailable) with the real core, discord.js and the fake Discord:
// it says why in the panel's language, retries on a growing backoff, and a gateway resume or a
// new status line does not restart it (it used to retry on every "connected").
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { call, inFrench, storedIds } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, recordEvents, startConnected, type World } from '../helpers/world.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const failed = (c: Core) => nextEvent(c, 'history.backfill', (v) => v.state === 'failed', DEADLINE_MS);
const runs = (events: ReturnType<typeof recordEvents>) => events.filter((e) => e.event === 'history.backfill' && (e.payload as BackfillView).state === 'running').length;

async function connected(retryMs: readonly number[]): Promise<Core> {
  core = await coreFor(world, configuredEnv(world), { historyTuning: { backfillRetryMs: retryMs } });
  return startConnected(core, DEADLINE_MS);
}

describe('a failing backfill', { timeout: 120_000 }, () => {
  it('says why in the panel language and is not restarted by a resume before its retry is due', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 300, now - 3 * DAY, now - 60_000);
    const c = await connected([600_000]);
    world.fake.setRateLimits({ down: true });
    const stopped = failed(c);
    await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: 'all' });
    const view = await stopped;
    expect(view.i18n?.key).toBe('backfill.failed');
    expect(view.message).toMatch(/^History backfill stopped: Discord is unavailable \(HTTP 503\)\. It tries again by itself at .+; Start backfill in History → Backfill tries now, from where it stopped\.$/);
    expect(inFrench(view.i18n)).toMatch(/^Récupération de l’historique arrêtée : Discord est indisponible \(HTTP 503\)\. Nouvel essai automatique le .+ ; « Lancer la récupération » \(Historique → Récupération\) réessaie tout de suite, là où elle s’est arrêtée\.$/);
    const retryAt = (view.i18n!.params as { at: number }).at;
    expect(retryAt - Date.now()).toBeGreaterThan(590_000);

    // Discord is back and the gateway resumes: "connected" again, but the retry is not due yet.
    world.fake.setRateLimits({ down: false });
    const events = recordEvents(c);
    const resumed = nextEvent(c, 'bot.status', (s) => s.state === 'connected', DEADLINE_MS);
    const saidResumed = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'log.resumed', DEADLINE_MS);
    world.fake.dropConnections();
    await saidResumed;
    await resumed;
    // A settings save that changes nothing of the fetch is no reason either.
    await call(c, 'settings.save', { highlightKeywords: ['deploy'] });
    expect(runs(events)).toBe(0);
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('failed');

    // Starting it from the panel tries at once, from where it stopped.
    const done = nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    await done;
    expect(await storedIds(c)).toHaveLength(300);
  });

  it('back to "recent only" stops a failed settings job and its retries', async () => {
    world.fake.postHistory(world.channelId, [world.userId], 300, Date.now() - 3 * 86_400_000, Date.now() - 60_000);
    const c = await connected([300]);
    world.fake.setRateLimits({ down: true });
    const stopped = failed(c);
    await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: 'all' });
    await stopped;
    await call(c, 'settings.save', { fetchMode: 'recent' });
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('cancelled');
    // Its retry was due 300 ms after the failure: nothing runs in five times that, though Discord answers now.
    world.fake.setRateLimits({ down: false });
    const events = recordEvents(c);
    await expect(nextEvent(c, 'history.backfill', (v) => v.state === 'running', 1_500)).rejects.toThrow(/no matching/);
    expect(runs(events)).toBe(0);
  });

  it('retries by itself on a growing backoff, then finishes once Discord answers', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 300, now - 3 * DAY, now - 60_000);
    const c = await connected([300, 2_000]);
    world.fake.setRateLimits({ down: true });
    const first = failed(c);
    await call(c, 'settings.save', { fetchMode: 'history', fetchLimit: 'all', fetchPeriod: 'all' });
    const firstAt = (await first).i18n!.params as { at: number };
    // The first retry comes after 300 ms and fails again: the next waits longer.
    const second = await nextEvent(c, 'history.backfill', (v) => v.state === 'failed' && (v.i18n?.params as { at: number }).at !== firstAt.at, DEADLINE_MS);
    const secondAt = (second.i18n!.params as { at: number }).at;
    expect(secondAt - Date.now()).toBeGreaterThan(1_000);
    world.fake.setRateLimits({ down: false });
    const view = await nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
    expect(Date.now()).toBeGreaterThanOrEqual(secondAt);
    expect(view.fetched).toBe(250);
    expect(await storedIds(c)).toHaveLength(300);
  });
});
