// The update flow for an app run by a service manager (supervisor, pm2): offered with the detected
// restart method, run, and the manager brings up the new commit with the bot reconnected, once.
import { expect } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess, type Health } from './health.js';
import { bumpVersion, type Checkout } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

export interface ManagedApp {
  base: string;
  accessToken: string;
  checkout: Checkout;
  world: World;
  log: () => string;
}

/** Waits until the new process has vouched for itself and the panel shows how the update ended. */
export async function lastUpdateOf(m: ManagedApp): Promise<UpdateView['lastUpdate']> {
  const client = await panelClient(`${m.base}/?token=${m.accessToken}`);
  try {
    let status = await client.invoke<UpdateView>('update.status');
    for (let i = 0; i < 50 && !(status.ok && status.value.lastUpdate); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await client.invoke<UpdateView>('update.status');
    }
    return status.ok ? status.value.lastUpdate : null;
  } finally {
    client.close();
  }
}

export async function updateThroughManager(m: ManagedApp, version: string, method: string, command: RegExp): Promise<Health> {
  const first = await waitForNewProcess(m.base, -1, m.log, 30_000);
  const sha = m.checkout.push(`Release ${version}`, (d) => bumpVersion(d, version));
  const client = await panelClient(`${m.base}/?token=${m.accessToken}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value).toMatchObject({ state: 'available', target: sha, restart: { auto: true, method } });
  expect(view.ok && view.value.restart.description).toMatch(command);
  await client.invoke('update.run', { target: sha });
  client.close();

  const second = await waitForNewProcess(m.base, first.pid, m.log);
  expect(second).toMatchObject({ version, commit: sha, bot: 'connected' });
  expect(m.world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  expect(await lastUpdateOf(m)).toMatchObject({ outcome: 'success', to: sha });
  expect((await health(m.base)).pid).toBe(second.pid);
  // The manager keeps its own PID, so no handover: but the new build reached standby before anything stopped.
  expect(m.log()).toMatch(/Ready in standby beside the running version .*\n(.*\n)*.*Stood down: the running version does not hand over this time/);
  expect(m.log()).toMatch(new RegExp(`restart through ${method}, which cannot change a program's PID; the new version was built and passed standby first`));
  return second;
}
