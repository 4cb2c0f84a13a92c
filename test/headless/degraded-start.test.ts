// The headless app, as a service manager starts it, on a data folder it cannot write: it used to exit 1
// at once (EROFS opening logs/app.log; "disk I/O error" opening the database), so systemd restarted it in
// a loop and no panel said why. Now it serves the panel, connects, and says why on stdout (and in the panel).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_PATH } from '../../shared/ws-protocol.js';
import { fillDisk, mountReadOnly, mountTmpfs, unmountAll } from '../helpers/disk.js';
import { TS_NODE } from '../helpers/ts-node.js';
import { APP_DIR, configuredEnv, createWorld, type World } from '../helpers/world.js';

let world: World;
let mountDir: string;
let dataDir: string;

beforeEach(async () => {
  world = await createWorld();
  mountDir = mkdtempSync(join(tmpdir(), 'dm-degraded-headless-'));
  mountTmpfs(mountDir);
  dataDir = join(mountDir, 'data');
  mkdirSync(dataDir);
});
afterEach(async () => {
  unmountAll();
  rmSync(mountDir, { recursive: true, force: true });
  await world.close();
});

/** Starts the real headless entry; resolves once it said `until` on stdout, with a stop() that SIGTERMs it. */
async function headless(until: RegExp): Promise<{ out: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [...TS_NODE, join(APP_DIR, 'electron', 'headless', 'main.ts'), '--port', '0', '--data-dir', dataDir], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH, DISCORD_API_URL: world.fake.apiUrl, DISCORD_CDN_URL: world.fake.cdnUrl, ...configuredEnv(world) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not said within 30 s: ${until}\n${out}`)), 30_000);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (until.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before saying ${until}:\n${out}`));
    });
  });
  return {
    out: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('the headless app on a data folder it cannot write', { timeout: 60_000 }, () => {
  for (const [name, fault, why] of [
    ['read-only', () => mountReadOnly(dataDir), /the data folder is read-only/],
    ['on a full disk', () => fillDisk(mountDir), /the disk is full/],
  ] as const) {
    it(`${name}: serves the panel, connects to Discord, says why, and stops cleanly`, async () => {
      fault();
      const app = await headless(/Monitoring #general/);
      const url = new URL(/Discord Monitor panel: (\S+)/.exec(app.out())![1]!);
      expect(((await (await fetch(new URL('/healthz', url))).json()) as { ok: boolean }).ok).toBe(true);
      // The printed address's access token (kept for this run only: it could not be written) lets the panel in.
      const auth = (token: string) => fetch(new URL(AUTH_PATH, url), { headers: { authorization: `Bearer ${token}` } });
      expect((await auth(url.searchParams.get('token')!)).status).toBe(204);
      expect((await auth('x'.repeat(32))).status).toBe(401);
      expect(app.out()).toMatch(why);
      expect(app.out()).toContain(`Messages cannot be saved in ${dataDir}`);
      expect(world.fake.liveSessions(configuredEnv(world).DISCORD_TOKEN!)).toBe(1);
      expect(await app.stop()).toBe(0);
    });
  }
});
