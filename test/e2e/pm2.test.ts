// A real pm2 (from npm) runs the headless app; an update restarts it with `pm2 restart <id>`,
// detected from pm2's environment. New PID, new commit, bot reconnected, one session.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_DIR, createWorld, TOKEN, type World } from '../helpers/world.js';
import { createInstalledCheckout, type Checkout } from './installed-checkout.js';
import { reservePort } from './reserve-port.js';
import { updateThroughManager } from './managed-update.js';

const ACCESS = 'pm2-test-access-token-0123456789abcdef';
const PM2 = join(APP_DIR, 'node_modules', '.bin', 'pm2');
let world: World;
let checkout: Checkout;
let home: string;
let port: number;
let env: NodeJS.ProcessEnv;

const pm2 = (...args: string[]) => execFileSync(PM2, args, { env, encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  world = await createWorld({ heartbeatIntervalMs: 5000 });
  checkout = createInstalledCheckout();
  home = mkdtempSync(join(tmpdir(), 'dm-pm2-'));
  port = await reservePort();
  env = {
    ...process.env,
    // The app runs `pm2 restart` itself: pm2 and this Node must be on its PATH.
    PATH: `${dirname(PM2)}:${dirname(process.execPath)}:${process.env.PATH}`,
    PM2_HOME: join(home, 'pm2'),
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_MONITOR_ACCESS_TOKEN: ACCESS,
    DISCORD_MONITOR_DATA_DIR: join(home, 'data'),
  };
  pm2('start', join(checkout.dir, '.vite', 'build', 'headless.js'), '--name', 'discord-monitor', '--interpreter', process.execPath, '--cwd', checkout.dir, '--output', join(home, 'app.log'), '--error', join(home, 'app.log'), '--', '--port', String(port));
}, 120_000);

afterAll(async () => {
  try {
    pm2('kill');
  } catch {
    /* already gone */
  }
  await world?.close();
  checkout?.close();
  rmSync(home, { recursive: true, force: true });
});

const appLog = () => {
  try {
    return readFileSync(join(home, 'app.log'), 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
};

it('updates under pm2: `pm2 restart` brings up the new commit', async () => {
  await updateThroughManager({ base: `http://127.0.0.1:${port}`, accessToken: ACCESS, checkout, world, log: appLog }, '6.0.0', 'pm2', /pm2 restart \d+/);
  expect(appLog()).toMatch(/Restarting: .*pm2/i);
  const list = JSON.parse(pm2('jlist')) as Array<{ name: string; pm2_env: { restart_time: number; status: string } }>;
  expect(list.find((p) => p.name === 'discord-monitor')?.pm2_env).toMatchObject({ status: 'online', restart_time: 1 });
}, 120_000);
