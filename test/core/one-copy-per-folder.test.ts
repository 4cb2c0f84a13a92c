// Two copies of the app on one data folder (the desktop app and a headless service sharing
// ~/.config/Discord Monitor, a second `npm run headless`): each connected with the same token and the
// fake counted two live sessions. The folder's session lock (session-lock.ts) lets one connect; the
// other waits for it to let go (an update's successor), then says why it did not connect.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { fillDisk, mountReadOnly, mountTmpfs, unmountAll } from '../helpers/disk.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { configuredEnv, coreEachWorld, coreFor, TOKEN, waitState } from '../helpers/world.js';

const t = coreEachWorld();
let second: Core | null = null;

/** The most live sessions the fake saw at once while `run` ran, sampled every 5 ms on top of its own count. */
async function mostLive<T>(run: () => Promise<T>): Promise<{ value: T; most: number }> {
  let most = 0;
  const sample = setInterval(() => (most = Math.max(most, t.world.fake.liveSessions(TOKEN))), 5);
  try {
    const value = await run();
    return { value, most: Math.max(most, t.world.fake.maxConcurrentSessions(TOKEN)) };
  } finally {
    clearInterval(sample);
  }
}

describe('one copy of the app connects per data folder', { timeout: 60_000 }, () => {
  it('a second copy does not connect while the first is connected, and says why (with the first one\'s process)', async () => {
    await t.connected(30_000);
    try {
      const { value: status, most } = await mostLive(async () => {
        second = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { sessionWaitMs: 500 } });
        await second.monitor.start();
        return waitState(second, 'error', 10_000);
      });
      expect(status.error).toMatchObject({ code: 'session-elsewhere' });
      expect(status.error?.message).toContain(String(process.pid));
      expect(most).toBe(1);
      expect(t.world.fake.liveSessions(TOKEN)).toBe(1);
    } finally {
      await second?.shutdown();
      second = null;
    }
  });

  it('a second copy waits for the first to let go (an update\'s successor), then connects: never two sessions', async () => {
    const first = await t.connected(30_000);
    try {
      const { most } = await mostLive(async () => {
        second = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { sessionWaitMs: 20_000 } });
        await second.monitor.start();
        await new Promise((r) => setTimeout(r, 300));
        expect(t.world.fake.liveSessions(TOKEN)).toBe(1);
        await first.monitor.stop();
        return waitState(second, 'connected', 20_000);
      });
      expect(most).toBe(1);
    } finally {
      await second?.shutdown();
      second = null;
    }
  });

  // SQLite's lock is no lock on a read-only folder (a read-only connection's BEGIN EXCLUSIVE takes
  // none) and fails on a full disk: both copies connected there, once a start on such a folder worked.
  for (const [name, fault] of Object.entries({ 'read-only': () => mountReadOnly(t.world.dataDir), full: () => (mountTmpfs(t.world.dataDir, '1m'), fillDisk(t.world.dataDir)) })) {
    it(`on a ${name} data folder too, a second copy does not connect while the first is connected`, async () => {
      try {
        fault();
        await t.connected(30_000);
        const { value: status, most } = await mostLive(async () => {
          second = await coreFor(t.world, configuredEnv(t.world), { monitorTuning: { sessionWaitMs: 500 } });
          await second.monitor.start();
          return waitState(second, 'error', 10_000);
        });
        expect(status.error).toMatchObject({ code: 'session-elsewhere' });
        expect(most).toBe(1);
      } finally {
        await second?.shutdown();
        second = null;
        await t.core?.shutdown();
        t.core = null;
        unmountAll();
      }
    });
  }

  it('a copy killed with SIGKILL while holding the folder leaves no stale lock', async () => {
    const holder = spawn(process.execPath, [...TS_NODE, '--input-type=module', '-e', `const { SessionLock } = await import(${JSON.stringify(new URL('../../electron/core/bot/session-lock.ts', import.meta.url).pathname)}); await new SessionLock(${JSON.stringify(t.world.dataDir)}).acquire(0); console.log('held'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(holder.stdout!, 'data');
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const c = await t.connected(30_000);
    expect(c.monitor.status().state).toBe('connected');
  });
});
