// The heart of the product: a running headless app updates itself from git and comes back as the
// new version, with one Discord session at any instant and no message lost or duplicated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess } from './health.js';
import { bumpVersion, startInstalledApp, type InstalledApp } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

let world: World;
let installed: InstalledApp;
let newPid: number | null = null;

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  installed = await startInstalledApp(world);
}, 120_000);

afterAll(async () => {
  await installed?.close(newPid);
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 10_000).catch(() => undefined);
  await world.close();
});

it('updates, relaunches into the new version, reconnects the bot once and loses no message', async () => {
  const { app, checkout, dataDir } = installed;
  const base = new URL(app.url).origin;
  const before = await health(base);
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 1, 10_000);
  const newSha = checkout.push('Release 3.9.0', (dir) => bumpVersion(dir, '3.9.0'));

  const client = await panelClient(app.url);
  const checked = await client.invoke<UpdateView>('update.check');
  expect(checked.ok && checked.value).toMatchObject({ state: 'available', count: 1, target: newSha, dependencies: { changed: false } });
  expect(checked.ok && checked.value.commits[0]?.subject).toBe('Release 3.9.0');

  const stale = await client.invoke('update.run', { target: 'f'.repeat(40) });
  expect(stale).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

  const steps: Record<string, string> = {};
  client.onEvent((event, payload) => {
    const run = (payload as UpdateView).run;
    if (event === 'update.status' && run) for (const s of run.steps) steps[s.step] = s.status;
  });
  const t0 = performance.now();
  const started = await client.invoke<UpdateView>('update.run', { target: newSha });
  expect(started.ok && started.value.state).toBe('updating');
  expect(await client.invoke('bot.start')).toMatchObject({ ok: false, error: { code: 'busy' } });

  // Messages keep coming while the app updates and restarts.
  const posted: string[] = [];
  const poster = setInterval(() => posted.push(world.fake.postMessage(world.channelId, { authorId: world.userId, content: `during ${posted.length}` }).id), 100);

  const after = await waitForNewProcess(base, before.pid, () => app.output().slice(-3000));
  clearInterval(poster);
  newPid = after.pid;
  console.log(`[measure] update turnaround (run → new version's bot connected): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  expect(after).toMatchObject({ version: '3.9.0', commit: newSha });
  expect(steps).toMatchObject({
    'stop-bot': 'done',
    'backup-config': 'done',
    'save-local-changes': 'skipped',
    fetch: 'done',
    reset: 'done',
    'restore-config': 'done',
    'install-deps': 'skipped', // the lockfile did not change
    build: 'done',
    'self-test': 'done',
    restart: 'running', // the process went away in the middle of it, as intended
  });
  expect(checkout.head()).toBe(newSha);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);

  // Every message posted meanwhile reaches the new process exactly once.
  const fresh = await panelClient(app.url);
  const last = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'after update' }).id;
  let ids: string[] = [];
  const until = Date.now() + 10_000;
  while (!ids.includes(last) && Date.now() < until) {
    const list = await fresh.invoke<Array<{ id: string }>>('messages.list', { limit: 500 });
    ids = list.ok ? list.value.map((m) => m.id) : [];
    if (!ids.includes(last)) await new Promise((r) => setTimeout(r, 100));
  }
  const missing = posted.map((id, i) => [i, id] as const).filter(([, id]) => !ids.includes(id));
  if (missing.length) console.log('MISSING', missing.length, 'of', posted.length, '\n', app.output().slice(-3000), readFileSync(join(dataDir, 'logs', 'app.log'), 'utf8').split('\n').filter((l) => /Last message seen|last-seen|stop|Stopp|catch|Caught|Loaded/i.test(l)).join('\n'));
  expect(posted.length).toBeGreaterThan(5);
  for (const id of posted) expect(ids.filter((x) => x === id)).toHaveLength(1);
  expect(new Set(ids).size).toBe(ids.length);

  let view = await fresh.invoke<UpdateView>('update.status');
  for (let i = 0; i < 50 && !(view.ok && view.value.lastUpdate); i++) {
    await new Promise((r) => setTimeout(r, 100));
    view = await fresh.invoke<UpdateView>('update.status');
  }
  expect(view.ok && view.value.lastUpdate).toMatchObject({ outcome: 'success', to: newSha, message: expect.stringMatching(/^Updated \w{7} → \w{7} in [\d.]+ s$/) });
  expect(view.ok && view.value.lastUpdate?.commits.map((c) => c.subject)).toEqual(['Release 3.9.0']);
  client.close();
  fresh.close();
  process.kill(after.pid, 'SIGTERM');
  newPid = null;
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 10_000);
}, 120_000);

it('with automatic restart off: updates the code, restarts the bot in place, and "Restart now" loads the new version', async () => {
  const local = await startInstalledApp(world, { AUTO_RESTART_SERVICE: 'False' });
  const off = local.app;
  let relaunchedPid: number | null = null;
  try {
    const base = new URL(off.url).origin;
    const before = await waitForNewProcess(base, -1, () => off.output());
    world.fake.resetStats();
    const sha = local.checkout.push('Release 5.0.0', (d) => bumpVersion(d, '5.0.0'));
    const client = await panelClient(off.url);
    const checked = await client.invoke<UpdateView>('update.check');
    expect(checked.ok && checked.value.restart).toMatchObject({ auto: false });
    const done = new Promise<UpdateView>((resolve) =>
      client.onEvent((event, payload) => {
        const v = payload as UpdateView;
        if (event === 'update.status' && v.run && v.run.outcome !== 'running') resolve(v);
      }),
    );
    await client.invoke('update.run', { target: sha });
    const view = await done;
    expect(view.run?.outcome).toBe('restart-needed');
    expect(view.restartNeeded).toBe(true);
    expect(local.checkout.head()).toBe(sha);
    // Same process, old code still loaded, bot back.
    await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 1, 10_000);
    expect(await health(base)).toMatchObject({ pid: before.pid, version: '3.0.0' });

    const restart = await client.invoke<{ restarting: boolean; method: string }>('app.restart');
    expect(restart).toMatchObject({ ok: true, value: { restarting: true, method: 'relaunch' } });
    const after = await waitForNewProcess(base, before.pid, () => off.output());
    relaunchedPid = after.pid;
    expect(after).toMatchObject({ version: '5.0.0', commit: sha, bot: 'connected' });
    expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
    client.close();
  } finally {
    await local.close(relaunchedPid);
  }
}, 120_000);
