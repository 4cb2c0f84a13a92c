// Zero-downtime update (issue 10 §1): the new version starts beside the old one, binds the same
// port, and takes over only once it is ready. A panel client that keeps invoking through the update
// never sees a failure or a lost connection; Discord never sees two sessions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api.js';
import type { UpdateView } from '../../shared/types.js';
import { fakeNotifySocket, type NotifySocket } from '../helpers/notify-socket.js';
import { APP_DIR, createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess } from './health.js';
import { bumpVersion, startInstalledApp, type InstalledApp } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

/** The version the installed checkout runs: this repository's own. */
const INSTALLED = (JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { version: string }).version;

let world: World | null = null;
let installed: InstalledApp | null = null;
let successor: number | null = null;
let notify: NotifySocket | null = null;
let notifyDir = '';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  notify?.close();
  notify = null;
  if (notifyDir) rmSync(notifyDir, { recursive: true, force: true });
  await installed?.close(successor);
  successor = null;
  await world?.fake.waitFor(() => world!.fake.liveSessions(TOKEN) === 0, 10_000).catch(() => undefined);
  await world?.close();
});

type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized' | 'resumed';
interface Transport {
  invoke(command: string, arg: unknown): Promise<Envelope>;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
// Not a static import: the renderer module types against the DOM, which the node tsconfig leaves out.
const BRIDGE = '../../renderer/src/bridge.js';

/** The renderer's own WebSocket transport, run in Node (Node 24 has a global WebSocket). */
async function panelTransport(panelUrl: string): Promise<Transport> {
  const { createWsTransport } = (await import(BRIDGE)) as { createWsTransport: (o: unknown) => Transport };
  const url = new URL(panelUrl);
  const token = url.searchParams.get('token') ?? '';
  return createWsTransport({ url: `ws://${url.host}/api`, origin: url.origin, token: () => token, saveToken: () => undefined });
}

it('hands over to the new version: new pid, same port, one session, no failed panel call; systemd is told the new MAINPID', async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  // As under a Type=notify unit (no systemd as PID 1 here: a fake NOTIFY_SOCKET records the messages).
  notifyDir = mkdtempSync(join(tmpdir(), 'dm-notify-'));
  notify = await fakeNotifySocket(notifyDir);
  installed = await startInstalledApp(world, { NOTIFY_SOCKET: notify.path });
  const { app, checkout } = installed;
  const base = new URL(app.url).origin;
  const before = await waitForNewProcess(base, -1, () => app.output());
  await notify.waitFor((m) => m.includes(`MAINPID=${before.pid}\nREADY=1`));
  const sha = checkout.push('Release 3.9.0', (dir) => bumpVersion(dir, '3.9.0'));
  world.fake.resetStats();

  const transport = await panelTransport(app.url);
  const states: ConnectionState[] = [];
  transport.onConnectionChange((s) => states.push(s));
  const checked = await transport.invoke('update.check', undefined);
  expect(checked.ok && (checked.value as UpdateView).target).toBe(sha);

  // A panel that keeps asking, and a monitor that keeps polling /healthz, all through the update.
  const failures: string[] = [];
  let calls = 0;
  let answered = 0;
  const invoker = setInterval(() => {
    calls++;
    void transport.invoke('bot.status', undefined).then((r) => {
      answered++;
      if (!r.ok) failures.push(`bot.status: ${JSON.stringify(r)}`);
    });
  }, 50);
  let unreachable = 0;
  const poller = setInterval(() => void health(base).catch(() => unreachable++), 50);
  const sessions = world.fake.sampleLiveSessions(TOKEN);

  const run = await transport.invoke('update.run', { target: sha });
  expect(run.ok).toBe(true);
  const after = await waitForNewProcess(base, before.pid, () => app.output().slice(-4000));
  successor = after.pid;
  // A few more calls land on the new process before we stop counting.
  const settle = calls + 10;
  await world.fake.waitFor(() => calls >= settle, 5000);
  clearInterval(invoker);
  clearInterval(poller);
  // Every call gets an answer: one in flight at the handover is re-sent, never left hanging.
  await world.fake.waitFor(() => answered === calls, 5000);

  expect(after).toMatchObject({ version: '3.9.0', commit: sha, bot: 'connected' });
  expect(after.pid).not.toBe(before.pid);
  expect(new URL(app.url).origin).toBe(base); // same port: the health above answered on it
  expect(failures).toEqual([]);
  expect(unreachable).toBe(0);
  expect(states).not.toContain('closed');
  expect(states).toContain('resumed'); // the page then reloads for the new version's panel
  expect(calls).toBeGreaterThan(20);
  expect(world.fake.identifyCount(TOKEN)).toBe(1);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  expect(sessions.stop().max).toBe(1);
  // The old process exits (after its last keep-alive panel connections); the new one finished the journal entry.
  await world.fake.waitFor(() => !alive(before.pid), 15_000);
  await notify.waitFor((m) => m.includes(`MAINPID=${after.pid}\nREADY=1`));
  expect(notify.messages.filter((m) => m !== 'BARRIER=1')).toEqual([`MAINPID=${before.pid}\nREADY=1`, `MAINPID=${after.pid}\nREADY=1`]);
  let view = await transport.invoke('update.status', undefined);
  for (let i = 0; i < 50 && !(view.ok && (view.value as UpdateView).lastUpdate); i++) {
    await new Promise((r) => setTimeout(r, 100));
    view = await transport.invoke('update.status', undefined);
  }
  expect(view.ok && (view.value as UpdateView).lastUpdate).toMatchObject({ outcome: 'success', to: sha });
  transport.close();
}, 180_000);

it('a new version that throws at load never takes over: the old one keeps running and says why', async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  installed = await startInstalledApp(world);
  const { app, checkout } = installed;
  const base = new URL(app.url).origin;
  const before = await waitForNewProcess(base, -1, () => app.output());
  const from = checkout.head();
  const sha = checkout.push('Release 4.0.0 (broken)', (dir) => {
    bumpVersion(dir, '4.0.0');
    writeFileSync(join(dir, 'electron/headless/main.ts'), `throw new Error('broken release: cannot load');\n`);
  });
  const client = await panelClient(app.url);
  const checked = await client.invoke<UpdateView>('update.check');
  expect(checked.ok && checked.value.target).toBe(sha);
  const done = new Promise<UpdateView>((resolve) =>
    client.onEvent((event, payload) => {
      const v = payload as UpdateView;
      if (event === 'update.status' && v.run && v.run.outcome !== 'running') resolve(v);
    }),
  );
  await client.invoke('update.run', { target: sha });
  const view = await done;
  expect(view.run?.outcome).toBe('rolled-back');
  expect(view.run?.message).toMatch(/broken release: cannot load/);
  expect(view.run?.steps.find((s) => s.step === 'self-test')).toMatchObject({ status: 'failed' });
  expect(checkout.head()).toBe(from);
  // Same process, old version, bot still (or again) connected on one session.
  await world.fake.waitFor(() => world!.fake.liveSessions(TOKEN) === 1, 10_000);
  expect(await health(base)).toMatchObject({ pid: before.pid, version: INSTALLED, bot: 'connected' });
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  client.close();
}, 180_000);
