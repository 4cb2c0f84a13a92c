// The restart an update ends with is tried before the update starts, through the same socket: a
// supervisord socket the app's user may not use (supervisord's own default for a `user=monitor`
// program run by a root supervisord) failed only at the very end — the new version installed, the app
// left running the old one, "restart the service by hand". Real supervisord, the probe run as nobody.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflightRestart } from '../../electron/core/update/restart-preflight.js';
import type { Core } from '../../electron/core/app-core.js';
import { detectRestartMethod } from '../../electron/core/update/restart-method.js';
import { APP_DIR, coreFor, eachWorld, type World } from '../helpers/world.js';
import { Fixture } from './fixture.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { assertReachableByOthers } from '../helpers/reachable-by.js';

let dir: string;
let supervisord: ChildProcess;
const socket = () => join(dir, 'supervisor.sock');
/** What the app sees when supervisord runs it as program `discord-monitor`. */
const managedEnv = () => ({ SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'discord-monitor', SUPERVISOR_SERVER_URL: `unix://${socket()}`, PATH: process.env.PATH });

beforeAll(async () => {
  if (!existsSync('/usr/bin/supervisord')) throw new Error('supervisord missing: apt-get install -y supervisor (.ci/run does it)');
  dir = mkdtempSync(join(tmpdir(), 'dm-preflight-'));
  chmodSync(dir, 0o755);
  // supervisord's default socket mode: only its own user (root here) may use it.
  writeFileSync(
    join(dir, 'supervisord.conf'),
    `[unix_http_server]\nfile=${socket()}\nchmod=0700\n\n[supervisord]\nlogfile=${dir}/supervisord.log\npidfile=${dir}/supervisord.pid\n\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n[program:discord-monitor]\ncommand=/bin/sleep 600\nstartsecs=0\n`,
  );
  supervisord = spawn('/usr/bin/supervisord', ['-n', '-c', join(dir, 'supervisord.conf')], { stdio: 'ignore' });
  for (const deadline = Date.now() + 15_000; !existsSync(socket()); ) {
    if (Date.now() > deadline) throw new Error('supervisord did not open its socket within 15 s');
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  if (supervisord && supervisord.exitCode === null) {
    const exited = new Promise((r) => supervisord.once('exit', r));
    supervisord.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const plan = () => detectRestartMethod(managedEnv(), () => null);

describe('restart preflight', () => {
  it('a socket the app may use: nothing to say', async () => {
    expect(plan().argv).toEqual(['supervisorctl', '-s', `unix://${socket()}`, 'restart', 'discord-monitor']);
    expect(await preflightRestart(plan(), managedEnv())).toBeNull();
  });

  it('the app runs as a user the socket is closed to: says so before the update, with what to change', { timeout: 30_000 }, () => {
    assertReachableByOthers('nobody', process.execPath, join(APP_DIR, 'node_modules'));
    const probe = join(dir, 'probe.ts');
    writeFileSync(
      probe,
      [
        `import { preflightRestart } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/restart-preflight.ts'))};`,
        `import { detectRestartMethod } from ${JSON.stringify(join(APP_DIR, 'electron/core/update/restart-method.ts'))};`,
        'process.stdout.write(String((await preflightRestart(detectRestartMethod(process.env, () => null), process.env))?.text));',
      ].join('\n'),
    );
    chmodSync(probe, 0o644);
    const said = execFileSync(process.execPath, [...TS_NODE, probe], { cwd: APP_DIR, uid: 65534, gid: 65534, env: { ...managedEnv(), HOME: dir }, encoding: 'utf8' });
    expect(said).toMatch(/supervisorctl -s unix:\/\/.*supervisor\.sock status discord-monitor.*Permission denied/s);
    expect(said).toMatch(/the update would install but not restart the app: let the app's user use supervisord's socket \(\[unix_http_server\] chown=/);
  });

  it('no supervisord at that address: says so', async () => {
    const env = { ...managedEnv(), SUPERVISOR_SERVER_URL: `unix://${join(dir, 'missing.sock')}` };
    expect((await preflightRestart(detectRestartMethod(env, () => null), env))?.text).toMatch(/missing\.sock no such file/);
  });

  it('a restart method forced where it cannot work, or a relaunch: the plan says it, nothing is run', async () => {
    const forced = detectRestartMethod({}, () => null, 'supervisor');
    expect(await preflightRestart(forced, {})).toBe(forced.problem);
    expect(await preflightRestart(detectRestartMethod({}, () => null), {})).toBeNull();
  });
});

describe('the update check', () => {
  let world: World;
  let core: Core | null = null;
  eachWorld({}, { set: (w) => (world = w), core: () => core, clear: () => (core = null) });

  it('puts the restart problem in the view the confirmation reads; none for a restart that works', async () => {
    const fx = new Fixture();
    try {
      fx.publish('Version 2', { 'version.txt': 'v2' });
      const check = async (env: Record<string, string | undefined>) => {
        core = await coreFor(world, {}, { paths: { dataDir: world.dataDir, logDir: join(world.dataDir, 'logs'), appDir: fx.checkout }, update: { detect: { env, readFile: () => null } } });
        const reply = await core.dispatch('update.check', undefined);
        if (!reply.ok) throw new Error(reply.error.message);
        await core.shutdown();
        core = null;
        return reply.value.restart;
      };
      const missing = await check({ ...managedEnv(), SUPERVISOR_SERVER_URL: `unix://${join(dir, 'missing.sock')}` });
      expect(missing).toMatchObject({ auto: true, method: 'supervisor' });
      expect(missing.problem).toMatch(/missing\.sock no such file.*the update would install but not restart the app/s);
      expect((await check(managedEnv())).problem).toBeNull();
    } finally {
      fx.cleanup();
    }
  });
});
