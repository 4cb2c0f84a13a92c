// A failed backfill waiting for its retry belongs to its channel: once the settings point the bot at
// another channel, the retry must not read that channel from the first one's cursor (the job, its
// progress and its "tries again at" line were the old channel's).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BackfillView } from '../../shared/types.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, nextEvent, startConnected, type World } from '../helpers/world.js';

const DAY = 86_400_000;
const DEADLINE_MS = 60_000;
const RETRY_MS = 1_500;
let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('a failed backfill and a channel switch', { timeout: 120_000 }, () => {
  it('its retry does not run in the channel the settings now name', async () => {
    const now = Date.now();
    world.fake.postHistory(world.channelId, [world.userId], 300, now - 3 * DAY, now - 60_000);
    world.fake.postHistory(world.otherChannelId, [world.userId], 300, now - 3 * DAY, now - 60_000);
    // The channel comes from the settings (an environment variable would pin it).
    const { DISCORD_CHANNEL_ID: _pinned, ...env } = configuredEnv(world);
    core = await coreFor(world, env, { historyTuning: { backfillRetryMs: [RETRY_MS] } });
    await call(core, 'settings.save', { channelId: world.channelId });
    const c = await startConnected(core, DEADLINE_MS);
    world.fake.setRateLimits({ down: true });
    const stopped = nextEvent(c, 'history.backfill', (v) => v.state === 'failed', DEADLINE_MS);
    await call(c, 'history.backfill', { mode: 'history', limit: null, periodHours: null });
    const retryAt = ((await stopped).i18n!.params as { at: number }).at;

    // The user points the bot at another channel; Discord answers again.
    world.fake.setRateLimits({ down: false });
    await call(c, 'settings.save', { channelId: world.otherChannelId });
    await c.monitor.stop();
    await startConnected(c, DEADLINE_MS);
    expect(c.monitor.status().channel?.id).toBe(world.otherChannelId);

    // Past the retry's due time (with room): the old channel's job never ran here.
    const ran = nextEvent(c, 'history.backfill', (v) => v.state === 'running', Math.max(0, retryAt - Date.now()) + 2_000);
    await expect(ran).rejects.toThrow(/no matching/);
    const status = await call<BackfillView>(c, 'history.status');
    // Dropped, not left "failed, tries again at …" for a channel no longer watched.
    expect(status.state).toBe('cancelled');
    expect(status.fetched).toBe(0);
  });
});
