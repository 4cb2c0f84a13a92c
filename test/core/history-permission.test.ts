// Read Message History withheld from the bot in the watched channel, with the real core, discord.js
// and the fake Discord (which, as Discord documents, then answers empty pages rather than an error):
// backfill and catch-up say which permission is missing and how to give it (EN/FR), nothing crashes,
// live messages keep coming, and once the permission is back the history is read.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { PERMISSION } from '../fake-discord/permissions.js';
import { call, inFrench, storedIds } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const withhold = (withheld = true) => world.fake.withholdPermission(world.channelId, world.botId, PERMISSION.READ_MESSAGE_HISTORY, withheld);

async function connected(): Promise<Core> {
  core = await coreFor(world, configuredEnv(world), { historyTuning: { backfillRetryMs: [300] } });
  return startConnected(core, DEADLINE_MS);
}

/** A live message reaches the panel (message.created) while history cannot be read. */
async function liveStillArrives(c: Core): Promise<void> {
  const seen = nextEvent(c, 'message.created', (m) => m.content === 'still live', DEADLINE_MS);
  world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'still live' });
  await seen;
}

describe('without Read Message History', { timeout: 120_000 }, () => {
  it('a backfill names the permission and how to give it, retries, and reads the history once it is given', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 200, now - 3 * DAY, now - 60_000);
    withhold();
    const c = await connected();
    const failed = nextEvent(c, 'history.backfill', (v) => v.state === 'failed', DEADLINE_MS);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    const view = await failed;
    expect(view.fetched).toBe(0);
    expect(view.message).toMatch(
      /^History backfill stopped: the bot lacks Read Message History in #general; give its role Read Message History \(Server Settings → Roles, or the channel's Permissions\)\. It tries again by itself at /,
    );
    expect(inFrench(view.i18n)).toMatch(/^Récupération de l’historique arrêtée : le bot n’a pas la permission Voir les anciens messages dans #general ; donnez Voir les anciens messages à son rôle/);
    await liveStillArrives(c);
    expect(c.monitor.status().state).toBe('connected');

    // Given back (CHANNEL_UPDATE): the next retry reads everything.
    const done = nextEvent(c, 'history.backfill', (v) => v.state === 'done', DEADLINE_MS);
    withhold(false);
    // It started with nothing stored, so it reads from the newest: the live message too (already stored).
    expect(await done).toMatchObject({ fetched: 201, stored: 200 });
    expect(await storedIds(c)).toHaveLength(201);
  });

  it('a catch-up says what was not fetched and why; live monitoring goes on; the gap is filled once the permission is back', async () => {
    const first = await connected();
    await first.shutdown();
    core = null;
    const missed = world.fake.postBacklog(world.channelId, [world.userId], 30);
    withhold();
    core = await coreFor(world, configuredEnv(world));
    const c = core;
    const warned = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'log.catchUpLacks', DEADLINE_MS);
    await startConnected(c, DEADLINE_MS);
    const entry = await warned;
    expect(entry.level).toBe('warn');
    expect(entry.message).toMatch(/^Could not fetch the messages posted while disconnected: the bot lacks Read Message History in #general; give its role Read Message History .+ Still monitoring live; they are fetched once it has the permission\.$/);
    expect(inFrench(entry.i18n)).toMatch(/^Impossible de récupérer les messages publiés pendant la déconnexion : le bot n’a pas la permission Voir les anciens messages dans #general/);
    await liveStillArrives(c);
    expect((await storedIds(c)).filter((id) => missed.some((m) => m.id === id))).toEqual([]);

    const filled = nextEvent(c, 'log.entry', (e) => e.i18n?.key === 'log.holeFilled', DEADLINE_MS);
    withhold(false);
    await filled;
    const stored = await storedIds(c);
    expect(missed.every((m) => stored.includes(m.id))).toBe(true);
    expect((await call<BackfillView>(c, 'history.status')).state).toBe('idle');
  });
});
