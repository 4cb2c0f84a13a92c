// A real supervisord runs the headless app; an update restarts it through `supervisorctl restart`,
// detected from supervisor's environment, not guessed. New PID, new commit, bot reconnected, one session.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { createWorld, TOKEN, type World } from '../helpers/world.js';
import { waitForNewProcess } from './health.js';
import { lastUpdateOf, updateThroughManager, type ManagedApp } from './managed-update.js';
import { bumpVersion, createInstalledCheckout, type Checkout } from './installed-checkout.js';
import { panelClient } from './ws-client.js';

const ACCESS = 'supervisor-test-access-token-0123456789';
let world: World;
let checkout: Checkout;
let dir: string;
let supervisord: ChildProcess;
let port: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

beforeAll(async () => {
  if (!existsSync('/usr/bin/supervisord')) throw new Error('supervisord missing: apt-get install -y supervisor (.ci/run does it)');
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  dir = mkdtempSync(join(tmpdir(), 'dm-supervisor-'));
  port = await freePort();
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_MONITOR_ACCESS_TOKEN: ACCESS,
    DISCORD_MONITOR_DATA_DIR: join(dir, 'data'),
    PATH: `${join(process.execPath, '..')}:${process.env.PATH}`,
    HOME: process.env.HOME ?? '/root',
  };
  writeFileSync(
    join(dir, 'supervisord.conf'),
    `[unix_http_server]
file=${dir}/supervisor.sock

[supervisord]
logfile=${dir}/supervisord.log
pidfile=${dir}/supervisord.pid
childlogdir=${dir}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://${dir}/supervisor.sock

[program:discord-monitor]
command=${process.execPath} ${checkout.dir}/.vite/build/headless.js --port ${port}
directory=${checkout.dir}
environment=${Object.entries(env).map(([k, v]) => `${k}="${v}"`).join(',')}
autorestart=true
startsecs=1
startretries=2
stopsignal=TERM
stopwaitsecs=20
redirect_stderr=true
stdout_logfile=${dir}/app.log
`,
  );
  supervisord = spawn('/usr/bin/supervisord', ['-n', '-c', join(dir, 'supervisord.conf')], { stdio: 'ignore' });
}, 120_000);

afterAll(async () => {
  if (supervisord && supervisord.exitCode === null) {
    const exited = new Promise((r) => supervisord.once('exit', r));
    supervisord.kill('SIGTERM');
    await exited;
  }
  await world?.close();
  checkout?.close();
  rmSync(dir, { recursive: true, force: true });
});

const managed = (): ManagedApp => ({ base: `http://127.0.0.1:${port}`, accessToken: ACCESS, checkout, world, log: appLog });
const appLog = () => (existsSync(join(dir, 'app.log')) ? readFileSync(join(dir, 'app.log'), 'utf8').slice(-4000) : '(no log)');

it('updates under supervisord: supervisorctl restarts it into the new commit', async () => {
  await updateThroughManager(managed(), '4.0.0', 'supervisor', /supervisorctl .*restart discord-monitor/);
  expect(appLog()).toMatch(/Restarting: .*supervisor/i);
}, 120_000);

// "After 2 boots" and "after 3" must not look the same: the journal's boot count is asserted (a
// watchdog changed to 3 makes this test fail, tried), and startretries=2 leaves supervisord no slack
// for quick exits. Runs alone too: the good version is whatever runs when it starts.
it('a new version that crashes at boot twice is rolled back on the third start, rebuilt and restarted by supervisord', async () => {
  const base = `http://127.0.0.1:${port}`;
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
  const journal = JSON.parse(readFileSync(join(dir, 'data', 'update-journal.json'), 'utf8')) as { entries: Array<{ to: string; boots: number; error: string }> };
  const entry = journal.entries.findLast((e) => e.to === broken);
  expect(entry).toMatchObject({ boots: 2, error: expect.stringContaining('did not become healthy on 2 consecutive boots') });
  expect(world.fake.maxConcurrentSessions(TOKEN)).toBe(1);
}, 150_000);
