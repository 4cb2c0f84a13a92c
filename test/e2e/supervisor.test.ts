// A real supervisord runs the headless app; an update restarts it through `supervisorctl restart`,
// detected from supervisor's environment, not guessed. New PID, new commit, bot reconnected, one session.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { waitForNewProcess } from './health.js';
import { lastUpdateOf, updateThroughManager, type ManagedApp } from './managed-update.js';
import { bumpVersion, createInstalledCheckout, type Checkout } from './installed-checkout.js';
import { superviseApp, type Supervised } from './supervisord.js';
import { panelClient } from './ws-client.js';

const ACCESS = 'supervisor-test-access-token-0123456789';
let world: World;
let checkout: Checkout;
let supervised: Supervised;

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  supervised = await superviseApp(world, checkout.dir, ACCESS);
}, 120_000);

afterAll(async () => {
  await supervised?.close();
  await world?.close();
  checkout?.close();
});

const managed = (): ManagedApp => ({ base: supervised.base, accessToken: ACCESS, checkout, world, log: appLog });
const appLog = () => supervised.log();

it('updates under supervisord: supervisorctl restarts it into the new commit', async () => {
  await updateThroughManager(managed(), '4.0.0', 'supervisor', /supervisorctl .*restart discord-monitor/);
  expect(appLog()).toMatch(/Restarting: .*supervisor/i);
}, 120_000);

// "After 2 boots" and "after 3" must not look the same: the journal's boot count is asserted (a
// watchdog changed to 3 makes this test fail, tried). supervisord's default startretries=3 leaves
// exactly the starts this needs: two failed boots, the boot that rolls back and exits (a detached
// relaunch would run beside the manager), then the good version — a rollback after 3 boots would
// leave no start for it. (startretries=2 made the test depend on whether the rolling-back boot
// outlived startsecs.) Runs alone too: the good version is whatever runs when it starts.
it('a new version that crashes at boot twice is rolled back on the third start, rebuilt and restarted by supervisord', async () => {
  const base = supervised.base;
  // Whatever version runs now (this test does not rely on the one before it) is the good one.
  const good = await waitForNewProcess(base, -1, appLog, 30_000);
  const goodSha = checkout.head();
  expect(good.commit).toBe(goodSha);
  world.fake.resetStats();
  // Builds and passes the self-test, but exits right after the boot check on every real start.
  const broken = checkout.push('Release 4.1.0 (crashes at boot)', (d) => {
    bumpVersion(d, '4.1.0');
    const run = join(d, 'electron', 'headless', 'run.ts');
    const source = readFileSync(run, 'utf8');
    const marker = '  if (boot.restartNeeded) {';
    if (!source.includes(marker)) throw new Error('run.ts changed: update the crash injection');
    writeFileSync(run, source.replace(marker, `  if (!args.selfTest) process.exit(3);\n${marker}`));
  });
  const client = await panelClient(`${base}/?token=${ACCESS}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value.target).toBe(broken);
  await client.invoke('update.run', { target: broken });
  client.close();

  const back = await waitForNewProcess(base, good.pid, appLog, 90_000);
  expect(back).toMatchObject({ commit: goodSha, version: good.version, bot: 'connected' });
  expect(checkout.head()).toBe(goodSha);
  expect(appLog()).toMatch(/rolled back|Rolled back|rolling back/i);
  expect(await lastUpdateOf(managed())).toMatchObject({ outcome: 'rolled-back', to: broken });
  const journal = JSON.parse(readFileSync(join(supervised.dataDir, 'update-journal.json'), 'utf8')) as { entries: Array<{ to: string; boots: number; error: string }> };
  const entry = journal.entries.findLast((e) => e.to === broken);
  expect(entry).toMatchObject({ boots: 2, error: expect.stringContaining('did not become healthy on 2 consecutive boots') });
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
}, 150_000);
