// A login Discord does not answer (its gateway refusing or dropping connections: discord.js retries
// for up to 30 s) showed "Connecting to Discord…" all along, nothing telling a network problem from a
// slow start. After a while the status says Discord has not answered yet, and what to check.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import type { BotStatus } from '../../shared/types.js';
import { configuredEnv, coreFor, eachWorld, recordEvents, waitState, type World } from '../helpers/world.js';

let world: World;
let core: Core | null = null;
eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

const statusKeys = (events: ReturnType<typeof recordEvents>) => events.filter((e) => e.event === 'bot.status').map((e) => (e.payload as BotStatus).i18n?.key);

describe('a slow login', { timeout: 30_000 }, () => {
  it('Discord unreachable at start: "still connecting" after a while, then connected once it answers', async () => {
    core = await coreFor(world, configuredEnv(world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, slowConnectMs: 600 } });
    const events = recordEvents(core);
    world.fake.outage(3000);
    await core.monitor.start();
    await waitState(core, 'connected', 20_000);
    const keys = statusKeys(events);
    expect(keys).toContain('status.stillConnecting');
    expect(keys.indexOf('status.stillConnecting')).toBeLessThan(keys.lastIndexOf('status.connected'));
    const still = events.find((e) => e.event === 'bot.status' && (e.payload as BotStatus).i18n?.key === 'status.stillConnecting')!.payload as BotStatus;
    expect(still.sentence).toMatch(/no answer after 1 s.*network connection/);
  });

  it('a login answered in time says nothing of the kind', async () => {
    core = await coreFor(world, configuredEnv(world), { monitorTuning: { retryBaseMs: 100, retryMaxMs: 400, identifySpacingMs: 50, slowConnectMs: 600 } });
    const events = recordEvents(core);
    await core.monitor.start();
    await waitState(core, 'connected', 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(statusKeys(events)).not.toContain('status.stillConnecting');
    expect(core.monitor.status().state).toBe('connected');
  });
});
