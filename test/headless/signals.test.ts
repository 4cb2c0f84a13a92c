// A service manager's or a terminal's signals stop the headless app cleanly (outside review): SIGHUP (the
// SSH session or terminal closed) killed it at once — Node's default — with no close to Discord (1006), no
// flush of the store, the resume point or the log; so did a second SIGTERM or SIGINT sent while the first
// one's shutdown ran. Now each of them stops it the same clean way, once.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertReachableByOthers } from '../helpers/reachable-by.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { APP_DIR, configuredEnv, TOKEN } from '../helpers/world.js';
import { useHeadlessChildren } from './headless-child.js';

const h = useHeadlessChildren('dm-signals-');

describe('signals', { timeout: 60_000 }, () => {
  it.each([
    ['SIGHUP', ['SIGHUP']],
    ['a second SIGTERM during the shutdown', ['SIGTERM', 'SIGTERM']],
    ['SIGINT then SIGTERM', ['SIGINT', 'SIGTERM']],
    ['SIGTERM then SIGHUP', ['SIGTERM', 'SIGHUP']],
  ] as const)('%s: exit 0 after a clean close to Discord (1000) and the shutdown line', async (_name, signals) => {
    const app = h.start();
    await app.said(/Monitoring #general/);
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => app.child.once('exit', (code, signal) => resolve({ code, signal })));
    // The second one while the first one's shutdown runs.
    const [first, ...rest] = signals;
    app.child.kill(first);
    if (rest.length) await app.said(/Shutting down/);
    for (const s of rest) app.child.kill(s);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(h.world().fake.closeCodes(TOKEN)).toEqual([1000]);
    expect(h.world().fake.liveSessions(TOKEN)).toBe(0);
    expect(app.out()).toMatch(/Shutting down/);
  });
});

describe('exit codes', { timeout: 60_000 }, () => {
  it.each([
    ['an unknown option', ['--bogus'], {}],
    ['--no-token off loopback', ['--host', '0.0.0.0', '--no-token'], {}],
    ['a guessable DISCORD_MONITOR_ACCESS_TOKEN', [], { DISCORD_MONITOR_ACCESS_TOKEN: 'abc123' }],
  ] as const)('%s: exit 2 (a setting: the systemd unit does not restart it), saying what to fix', async (_name, args, env) => {
    const app = h.start(env, args);
    const code = await new Promise<number | null>((resolve) => app.child.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(app.out()).toMatch(/discord-monitor: /);
  });
});

it('a data folder the user may not use (a service whose user= kept root\'s HOME): exit 2, saying which user and what to set', { timeout: 30_000 }, async () => {
  assertReachableByOthers('nobody', process.execPath, join(APP_DIR, 'node_modules'));
  // Root's own folder, closed to others; the app runs as nobody, as a supervisord program with user=nobody.
  const closed = mkdtempSync(join(tmpdir(), 'dm-closed-'));
  chmodSync(closed, 0o700);
  try {
    const child = spawn(process.execPath, [...TS_NODE, join(APP_DIR, 'electron', 'headless', 'main.ts'), '--port', '0', '--data-dir', join(closed, 'data')], {
      cwd: APP_DIR,
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH, HOME: closed, ...configuredEnv(h.world()), DISCORD_API_URL: h.world().fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(out).toMatch(/permission denied.*cannot be used by user nobody.*--data-dir, DISCORD_MONITOR_DATA_DIR, or the HOME/s);
    expect(code).toBe(2);
  } finally {
    rmSync(closed, { recursive: true, force: true });
  }
});
