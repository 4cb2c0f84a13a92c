// Discord's close codes that must not be reconnected on (docs: Opcodes and Status Codes → Gateway Close
// Event Codes) arriving mid-session: the bot stops at once with the login path's error, and never
// IDENTIFYs again on its own (the connection watchdog would otherwise start a new session).
import { expect, it } from 'vitest';
import { coreEachWorld, TOKEN, waitState } from '../helpers/world.js';

// 1 s heartbeat: the connection watchdog fires after ~3 s of silence, well inside the waits below.
const t = coreEachWorld({ heartbeatIntervalMs: 1000 });

it.each([
  [4004, 'invalid-token'],
  [4014, 'missing-intent'],
])('close %i while connected: error "%s" at once, no new IDENTIFY', async (code, errorCode) => {
  const core = await t.connected();
  const identifies = t.world.fake.identifyCount(TOKEN);
  const t0 = performance.now();
  const stopped = waitState(core, 'error', 2000);
  t.world.fake.closeSessions(code);
  const status = await stopped;
  // Well before the watchdog's three silent heartbeats.
  expect(performance.now() - t0).toBeLessThan(1500);
  expect(status.error?.code).toBe(errorCode);
  expect(core.monitor.isRunning()).toBe(false);
  // Past the watchdog's deadline: nothing identified again.
  await expect(t.world.fake.waitFor(() => t.world.fake.identifyCount(TOKEN) > identifies, 4500)).rejects.toThrow(/timed out/);
  expect(t.world.fake.liveSessions(TOKEN)).toBe(0);
  expect(core.monitor.status().state).toBe('error');
}, 20_000);
