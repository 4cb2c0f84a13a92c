// Issue 10 §3 on the handover path (relaunch mode: nothing supervises the app). The running (old)
// process or its successor in standby is SIGKILLed at each point of a handover; afterwards exactly
// one app serves the panel port (or, where the old one died with nothing to restart it, the next
// start boots the right version), Discord never sees two sessions, the settings survive, the
// journal tells what happened — and a later update still hands over. One installed checkout and
// one data folder for the whole file, the cases in order.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import type { PausePoint } from '../../electron/core/update/pause-point.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { health, waitForNewProcess, type Health } from './health.js';
import { bumpVersion, createInstalledCheckout, git, type Checkout } from './installed-checkout.js';
import { descendants, waitFor } from './supervisord.js';
import { reservePort } from './reserve-port.js';
import { panelClient } from './ws-client.js';
import { cmdline } from './proc.js';
import { pidAlive } from '../../electron/core/pid-alive.js';

const ACCESS = 'handover-crash-access-token-0123456789ab';
let world: World;
let checkout: Checkout;
let scratch: string;
let dataDir: string;
let pauseDir: string;
let port = 0;
let base = '';
/** Every app process seen (started here, or a successor): stopped by pid at the end. */
const pids = new Set<number>();
let output = () => '';
/** settings.json and the token file as the panel saved them: every case must leave them as they were. */
let savedSettings: (string | null)[] = [];

type Entry = { outcome: string; failedStep: string | null; from: string; to: string | null };
const journal = (): Entry[] => (JSON.parse(readFileSync(join(dataDir, 'update-journal.json'), 'utf8')) as { entries: Entry[] }).entries;
const describeState = () => `${output().slice(-5000)}\njournal: ${existsSync(join(dataDir, 'update-journal.json')) ? JSON.stringify(journal().at(-1)) : '(none)'}`;

/**
 * What a user does when nothing restarts the app: starts it again, the way the README says. Not
 * startHeadless: the process started may hand over to a relaunched copy before it prints anything.
 */
function launch(): void {
  const env = {
    ...process.env,
    // The bot token is the one saved in the panel (data folder), so a lost token would show.
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_MONITOR_ACCESS_TOKEN: ACCESS,
    DISCORD_MONITOR_PAUSE_DIR: pauseDir,
    // Killed on purpose six times in a few minutes: not the crash loop the session-start backoff is for.
    DISCORD_MONITOR_CRASH_LOOP_FREE: '1000',
  };
  const child = spawn(process.execPath, [join(checkout.dir, '.vite', 'build', 'headless.js'), '--data-dir', dataDir, '--port', String(port)], { cwd: checkout.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('error', () => undefined);
  if (child.pid) pids.add(child.pid);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (out += String(d)));
  output = () => out;
}

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  scratch = mkdtempSync(join(tmpdir(), 'dm-handover-crash-'));
  dataDir = join(scratch, 'data');
  pauseDir = join(scratch, 'pause');
  mkdirSync(pauseDir);
  port = await reservePort();
  base = `http://127.0.0.1:${port}`;
  // Started unconfigured: the user saves the token (and a setting) in the panel, then starts the bot.
  launch();
  const deadline = Date.now() + 30_000;
  while (!(await health(base).then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error(`the panel did not answer within 30 s:\n${describeState()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const client = await panelClient(`${base}/?token=${ACCESS}`);
  expect((await client.invoke('settings.save', { token: TOKEN, autoStartBot: true, checkIntervalMinutes: 37 })).ok).toBe(true);
  expect((await client.invoke('bot.start')).ok).toBe(true);
  client.close();
  pids.add((await waitForNewProcess(base, -1, describeState, 30_000)).pid);
  savedSettings = settingsNow();
  expect(savedSettings.every((f) => f !== null)).toBe(true);
}, 120_000);

afterAll(async () => {
  for (const pid of pids) if (pidAlive(pid)) process.kill(pid, 'SIGTERM');
  await waitFor('the apps to exit', () => [...pids].every((p) => !pidAlive(p)), 20_000, () => '').catch(() => undefined);
  await world?.close();
  checkout?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Publishes `version`, arms `point`, runs the update; resolves once the old process is paused there. */
async function updateUntil(version: string, point: PausePoint): Promise<{ old: Health; target: string; standby: number }> {
  const old = await health(base);
  const target = checkout.push(`Release ${version}`, (d) => bumpVersion(d, version));
  const trap = join(pauseDir, point);
  writeFileSync(trap, '');
  world.fake.resetStats();
  const client = await panelClient(`${base}/?token=${ACCESS}`);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value).toMatchObject({ target, restart: { method: 'relaunch' } });
  await client.invoke('update.run', { target });
  client.close();
  await waitFor(`the old process to pause at ${point}`, () => existsSync(`${trap}.reached`), 90_000, describeState);
  expect(Number(readFileSync(`${trap}.reached`, 'utf8'))).toBe(old.pid);
  // The standby is the old process's child (in its own session).
  const standby = descendants(old.pid).find((p) => cmdline(p).includes('--standby')) ?? 0;
  expect(standby, 'a standby beside the old process').toBeGreaterThan(1);
  pids.add(standby);
  return { old, target, standby };
}
const release = (point: PausePoint) => ['', '.reached'].forEach((s) => rmSync(join(pauseDir, point) + s, { force: true }));

const settingsNow = () => ['settings.json', 'token'].map((f) => (existsSync(join(dataDir, f)) ? readFileSync(join(dataDir, f), 'utf8') : null));

/** What every case ends with: one app on the port at `expected`, one session at most, the journal's word. */
async function settled(expected: { commit: string; version: string }, killed: number, outcome: Partial<Entry>): Promise<Health> {
  const h = await waitForNewProcess(base, killed, describeState, 60_000);
  pids.add(h.pid);
  expect(h, describeState()).toMatchObject({ ...expected, bot: 'connected' });
  expect(checkout.head()).toBe(expected.commit);
  expect(git(checkout.dir, 'status', '--porcelain')).toBe('');
  await waitFor('the journal to settle', () => journal().at(-1)?.outcome === outcome.outcome, 30_000, describeState);
  expect(journal().at(-1)).toMatchObject(outcome);
  // Exactly one app: every other app process seen so far is gone.
  await waitFor('every other app process to be gone', () => [...pids].filter(pidAlive).length === 1, 15_000, describeState);
  expect([...pids].filter(pidAlive)).toEqual([h.pid]);
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
  expect(world.fake.liveSessions(TOKEN)).toBe(1);
  expect(settingsNow()).toEqual(savedSettings);
  return h;
}

it('(a) old killed with the standby ready, before the switch: the standby exits by itself; the next start runs the old version, journal interrupted at self-test', async () => {
  const t0 = performance.now();
  const good = { commit: checkout.head(), version: (await health(base)).version };
  const { old, standby } = await updateUntil('5.0.1', 'standby-ready');
  process.kill(old.pid, 'SIGKILL');
  release('standby-ready');
  await waitFor('the orphaned standby to exit by itself', () => !pidAlive(standby), 15_000, describeState);
  // Nothing supervises the app: nothing serves until the user starts it again.
  await expect(health(base)).rejects.toThrow();
  launch();
  await settled(good, old.pid, { outcome: 'interrupted', failedStep: 'self-test' });
  console.log(`[measure] handover kill (a) old: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('(a) standby killed before the handover began: the old process starts it again and hands over', async () => {
  const t0 = performance.now();
  const { old, target, standby } = await updateUntil('5.0.2', 'standby-ready');
  process.kill(standby, 'SIGKILL');
  await waitFor('the standby to die', () => !pidAlive(standby), 5000, describeState);
  release('standby-ready');
  await settled({ commit: target, version: '5.0.2' }, old.pid, { outcome: 'success', to: target });
  expect(world.fake.identifyCount(TOKEN)).toBe(1);
  console.log(`[measure] handover kill (a) standby: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('(c) old killed right after the switch, the journal still running: the next start finds the new release unvouched, switches back and relaunches the old one', async () => {
  const t0 = performance.now();
  const good = { commit: checkout.head(), version: (await health(base)).version };
  const { old, standby } = await updateUntil('5.0.6', 'switched');
  process.kill(old.pid, 'SIGKILL');
  release('switched');
  await waitFor('the orphaned standby to exit by itself', () => !pidAlive(standby), 15_000, describeState);
  await expect(health(base)).rejects.toThrow();
  launch();
  await settled(good, old.pid, { outcome: 'interrupted', failedStep: 'self-test' });
  // Switched back: the old release is what any later start runs.
  expect(readlinkSync(join(checkout.dir, '.releases', 'current'))).toBe(good.commit);
  console.log(`[measure] handover kill (c) old after the switch: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('(b) old killed with its session closed and the new one not identified: the standby exits; the next start runs the new version, which vouches for itself', async () => {
  const t0 = performance.now();
  const { old, target, standby } = await updateUntil('5.0.3', 'before-take-over');
  // The state (b) names, seen on the fake: the old session closed, no IDENTIFY from the new one.
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 5000);
  expect(world.fake.identifyCount(TOKEN)).toBe(0);
  process.kill(old.pid, 'SIGKILL');
  release('before-take-over');
  await waitFor('the orphaned standby to exit by itself', () => !pidAlive(standby), 15_000, describeState);
  expect(world.fake.identifyCount(TOKEN)).toBe(0);
  launch();
  // `current` was switched and the journal said restarting: the kill was the restart.
  await settled({ commit: target, version: '5.0.3' }, old.pid, { outcome: 'success', to: target });
  console.log(`[measure] handover kill (b) old: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('(b) standby killed after the old session closed, before it identified: the old process starts it again and hands over', async () => {
  const t0 = performance.now();
  const { old, target, standby } = await updateUntil('5.0.4', 'before-take-over');
  await world.fake.waitFor(() => world.fake.liveSessions(TOKEN) === 0, 5000);
  expect(world.fake.identifyCount(TOKEN)).toBe(0);
  process.kill(standby, 'SIGKILL');
  await waitFor('the standby to die', () => !pidAlive(standby), 5000, describeState);
  release('before-take-over');
  await settled({ commit: target, version: '5.0.4' }, old.pid, { outcome: 'success', to: target });
  expect(world.fake.identifyCount(TOKEN)).toBe(1);
  console.log(`[measure] handover kill (b) standby: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('(c) old killed after the switch and the hand-over, before it exited: the new version keeps serving', async () => {
  const t0 = performance.now();
  const { old, target, standby } = await updateUntil('5.0.5', 'handed-over');
  process.kill(old.pid, 'SIGKILL');
  release('handed-over');
  const h = await settled({ commit: target, version: '5.0.5' }, old.pid, { outcome: 'success', to: target });
  expect(h.pid).toBe(standby);
  console.log(`[measure] handover kill (c) old: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

it('after the kills, a normal update hands over', async () => {
  const t0 = performance.now();
  const old = await health(base);
  const target = checkout.push('Release 5.1.0', (d) => bumpVersion(d, '5.1.0'));
  world.fake.resetStats();
  const client = await panelClient(`${base}/?token=${ACCESS}`);
  expect((await client.invoke<UpdateView>('update.check')).ok).toBe(true);
  await client.invoke('update.run', { target });
  client.close();
  const h = await settled({ commit: target, version: '5.1.0' }, old.pid, { outcome: 'success', to: target });
  // app.log, written by both during the overlap: each line names its writer.
  const lines = readFileSync(join(dataDir, 'logs', 'app.log'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { pid?: number; msg: string });
  const writer = (text: string) => lines.findLast((l) => l.msg.startsWith(text))?.pid;
  expect(writer('Ready in standby beside the running version')).toBe(h.pid);
  expect(writer('Taking over: handover')).toBe(old.pid);
  expect(lines.every((l) => typeof l.pid === 'number')).toBe(true);
  console.log(`[measure] handover after the kills: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);
