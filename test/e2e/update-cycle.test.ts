// The heart of the product: a running headless app updates itself from git and comes back as the
// new version, with one Discord session at any instant and no message lost or duplicated.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { UpdateView } from '../../shared/types.js';
import { APP_DIR, createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess } from './health.js';
import { bumpVersion, git, startInstalledApp, type InstalledApp } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

/** The version the installed checkout runs: this repository's own. */
const INSTALLED = (JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What a panel is sent, across the restart: every message.created event counted by message id. It
 * reconnects as soon as the old process goes away, as the panel does.
 */
function watchCreatedMessages(panelUrl: string): { counts: Map<string, number>; connections: () => number; stop(): void } {
  const url = new URL(panelUrl);
  const wsUrl = `ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`;
  const counts = new Map<string, number>();
  let connections = 0;
  let stopped = false;
  let socket: WebSocket | null = null;
  const connect = () => {
    if (stopped) return;
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.on('open', () => connections++);
    ws.on('error', () => undefined); // refused while the port changes hands: 'close' follows and retries
    ws.on('message', (data) => {
      type Frame = { type: string; event?: string; payload?: { id?: string }; frames?: Frame[] };
      const frame = JSON.parse(String(data)) as Frame;
      // The events of one server turn come as one batch frame.
      for (const f of frame.frames ?? [frame]) {
        const id = f.payload?.id;
        if (f.type === 'event' && f.event === 'message.created' && id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    });
    ws.on('close', () => void (stopped || setTimeout(connect, 20)));
  };
  connect();
  return {
    counts,
    connections: () => connections,
    stop: () => {
      stopped = true;
      socket?.close();
    },
  };
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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

it('updates, relaunches into the new version, reconnects the bot once and loses no message nor local work', async () => {
  const { app, checkout, dataDir } = installed;
  const base = new URL(app.url).origin;
  const before = await health(base);
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 1, 10_000);
  const newSha = checkout.push('Release 3.9.0', (dir) => bumpVersion(dir, '3.9.0'));
  // The user's own work in the installed checkout: a local commit, an edit, a new file.
  writeFileSync(join(checkout.dir, 'LOCAL-NOTES.md'), 'committed locally\n');
  git(checkout.dir, 'add', 'LOCAL-NOTES.md');
  git(checkout.dir, 'commit', '-qm', 'My local notes');
  const localCommit = checkout.head();
  appendFileSync(join(checkout.dir, 'README.md'), '\nMy uncommitted line.\n');
  writeFileSync(join(checkout.dir, 'scratch.txt'), 'untracked\n');

  const client = await panelClient(app.url);
  const checked = await client.invoke<UpdateView>('update.check');
  const branch = `discord-monitor/before-update-${localCommit.slice(0, 7)}`;
  expect(checked.ok && checked.value).toMatchObject({ state: 'available', count: 1, target: newSha, dependencies: { changed: false } });
  expect(checked.ok && checked.value.localCommits).toMatchObject({ branch, commits: [{ subject: 'My local notes' }] });
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

  // Messages keep coming while the app updates and restarts; a panel counts what it is sent.
  const seen = watchCreatedMessages(app.url);
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
    'save-local-changes': 'done',
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

  // Every message posted meanwhile reaches the panel exactly once: counted in the message.created
  // events the panel receives (messages.list is keyed by id in SQLite and could never show a duplicate).
  const fresh = await panelClient(app.url);
  const last = world.fake.postMessage(world.channelId, { authorId: world.userId, content: 'after update' }).id;
  await until('the message posted after the update to reach the panel', () => seen.counts.has(last));
  seen.stop();
  const missing = posted.filter((id) => !seen.counts.has(id));
  if (missing.length) console.log('MISSING', missing.length, 'of', posted.length, '\n', app.output().slice(-3000), readFileSync(join(dataDir, 'logs', 'app.log'), 'utf8').split('\n').filter((l) => /Last message seen|last-seen|stop|Stopp|catch|Caught|Loaded/i.test(l)).join('\n'));
  expect(posted.length).toBeGreaterThan(5);
  expect(seen.connections()).toBeGreaterThanOrEqual(2); // the old process, then the new one
  expect(missing).toEqual([]);
  expect([...seen.counts].filter(([, n]) => n !== 1)).toEqual([]);

  let view = await fresh.invoke<UpdateView>('update.status');
  for (let i = 0; i < 50 && !(view.ok && view.value.lastUpdate); i++) {
    await new Promise((r) => setTimeout(r, 100));
    view = await fresh.invoke<UpdateView>('update.status');
  }
  expect(view.ok && view.value.lastUpdate).toMatchObject({ outcome: 'success', to: newSha, message: expect.stringMatching(/^Updated \w{7} → \w{7} in [\d.]+ s$/) });
  // Only what was installed, never the removed local commit; where the local work went.
  expect(view.ok && view.value.lastUpdate?.commits.map((c) => c.subject)).toEqual(['Release 3.9.0']);
  expect(view.ok && view.value.lastUpdate?.setAside).toMatchObject({ branch, commits: 1, stash: { state: 'reapplied' } });
  expect(git(checkout.dir, 'rev-parse', branch)).toBe(localCommit);
  expect(readFileSync(join(checkout.dir, 'README.md'), 'utf8')).toContain('My uncommitted line.');
  expect(readFileSync(join(checkout.dir, 'scratch.txt'), 'utf8')).toBe('untracked\n');
  expect(git(checkout.dir, 'stash', 'list')).toBe('');
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
    expect(await health(base)).toMatchObject({ pid: before.pid, version: INSTALLED });

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
