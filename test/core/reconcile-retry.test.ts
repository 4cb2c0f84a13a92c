// Offline edits and deletions are re-read from Discord when a new session starts; a reconcile Discord
// refused (a REST outage at that moment) was never tried again: those changes were lost for good.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { call } from '../helpers/core-calls.js';
import { configuredEnv, coreFor, eachWorld, startConnected, TOKEN, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({ heartbeatIntervalMs: 500 }, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

describe('a reconcile refused by Discord', { timeout: 60_000 }, () => {
  it('is tried again once Discord answers: the edit and deletion made meanwhile are applied', async () => {
    core = await coreFor(world, configuredEnv(world));
    const c = await startConnected(core, 20_000);
    const posted = Array.from({ length: 5 }, (_, i) => world.fake.postMessage(world.channelId, { authorId: world.userId, content: `m${i + 1}` }));
    await world.fake.waitFor(() => c.monitor.status().state === 'connected', 10_000);
    await new Promise((r) => setTimeout(r, 500));
    await c.monitor.writesDone();
    // Changed on Discord with no event heard (as while away), then a new session while its REST is down.
    world.fake.editOffline(world.channelId, posted[4]!.id, 'm5 (edited)');
    world.fake.deleteOffline(world.channelId, posted[3]!.id);
    world.fake.setRateLimits({ down: true });
    world.fake.sendInvalidSession(false);
    await world.fake.waitFor(() => world.fake.identifyCount(TOKEN) === 2, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    world.fake.setRateLimits({ down: false });
    const shown = async () => (await call<Array<{ id: string; content: string; deleted: boolean }>>(c, 'messages.list', { limit: 50 })).filter((m) => m.id === posted[3]!.id || m.id === posted[4]!.id);
    const deadline = Date.now() + 30_000;
    let [m4, m5] = await shown();
    while (!(m5?.content === 'm5 (edited)' && m4?.deleted) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      [m4, m5] = await shown();
    }
    expect(m5?.content).toBe('m5 (edited)');
    expect(m4?.deleted).toBe(true);
  });
});
