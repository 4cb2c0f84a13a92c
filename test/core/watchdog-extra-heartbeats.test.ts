// The watchdog judges silence against HELLO's heartbeat interval, not the gap between two
// acknowledgements: Discord "may request additional heartbeats" (op 1), and after an op 7 RECONNECT
// the resumed connection's first, jittered heartbeat may follow the old one's last within a second.
// Either gap, taken for the interval, made a quiet, healthy session look silent after 3 × that gap:
// the watchdog replaced it with a new IDENTIFY (budget spent, and a session left behind on Discord).
import { describe, expect, it, vi } from 'vitest';
import { lastAckAt } from '../../electron/core/bot/gateway.js';
import type { Core } from '../../electron/core/app-core.js';
import { coreEachWorld, TOKEN } from '../helpers/world.js';

const INTERVAL = 7_000;
const t = coreEachWorld({ heartbeatIntervalMs: INTERVAL });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const client = (c: Core) => (c.monitor as unknown as { client: Parameters<typeof lastAckAt>[0] }).client;

/** Resolves a little after the next regular heartbeat was acknowledged (the watchdog checks every second). */
async function afterNextAck(c: Core): Promise<void> {
  const before = lastAckAt(client(c));
  await vi.waitFor(() => expect(lastAckAt(client(c))).not.toBe(before), { timeout: INTERVAL + 5_000, interval: 20 });
  await sleep(1_100);
}

describe('the watchdog and extra heartbeats', { timeout: 60_000 }, () => {
  it('a heartbeat Discord asks for (op 1) a second after a regular one leaves the quiet session alone', async () => {
    const c = await t.connected();
    await afterNextAck(c);
    const identifies = t.world.fake.identifyCount(TOKEN);
    t.world.fake.requestHeartbeat();
    // Under one interval of a quiet channel: 3 × the ~1 s gap it learnt has long passed.
    await sleep(INTERVAL - 1_000);
    expect(t.world.fake.identifyCount(TOKEN)).toBe(identifies);
    expect(c.monitor.status().state).toBe('connected');
  });

  it('after op 7 and a RESUME whose first heartbeat comes early, no new session follows', async () => {
    const c = await t.connected();
    await afterNextAck(c);
    const identifies = t.world.fake.identifyCount(TOKEN);
    // The first heartbeat waits interval × jitter, any jitter in [0, 1) being Discord's rule: here an early one.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.05);
    t.world.fake.sendReconnect();
    await t.world.fake.waitFor(() => t.world.fake.resumeCount(TOKEN) >= 1, 5_000);
    await sleep(1_000);
    random.mockRestore();
    await sleep(INTERVAL - 1_000);
    expect(t.world.fake.identifyCount(TOKEN)).toBe(identifies);
    expect(c.monitor.status().state).toBe('connected');
  });
});
