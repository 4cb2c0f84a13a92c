// `npm run demo -- --update`: a newcomer clicks Update and watches the real thing, on a scratch copy,
// never on their own checkout (here an installed clone stands for it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UpdateView } from '../../shared/types.js';
import { waitForNewProcess } from './health.js';
import { createInstalledCheckout, git, type Checkout } from './installed-checkout.js';
import { reservePort } from './reserve-port.js';
import { panelClient } from './ws-client.js';

let own: Checkout;
let demo: ChildProcess;
let out = '';
let port: number;

beforeAll(async () => {
  own = createInstalledCheckout();
  port = await reservePort();
  demo = spawn(process.execPath, [join(own.dir, '.vite', 'build', 'demo.js'), '--update', '--port', String(port)], {
    cwd: own.dir,
    env: { ...process.env, DEMO_EVERY_MS: '500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  demo.stderr?.on('data', (d: Buffer) => (out += d.toString()));
}, 120_000);

afterAll(async () => {
  if (demo && demo.exitCode === null) {
    const exited = new Promise((r) => demo.once('exit', r));
    demo.kill('SIGTERM');
    await exited;
  }
  own?.close();
});

it('offers one update on a scratch copy, installs it with the real pipeline, and leaves the checkout alone', async () => {
  const headBefore = own.head();
  const gone = new Promise<never>((_, reject) => demo.once('exit', (code) => reject(new Error(`the demo exited (${code}):\n${out}`))));
  const first = await Promise.race([waitForNewProcess(`http://127.0.0.1:${port}`, -1, () => out, 90_000), gone]);
  const scratch = /scratch copy of this checkout's last commit in (\S+) \(/.exec(out)?.[1];
  const offered = /offers (\w{7}) as an update/.exec(out)?.[1];
  const url = /Discord Monitor panel: (\S+)/.exec(out)?.[1];
  if (!scratch || !offered || !url) throw new Error(`demo output lacks what it should say:\n${out}`);
  expect(scratch.startsWith(own.root)).toBe(false);

  const client = await panelClient(url);
  const view = await client.invoke<UpdateView>('update.check');
  expect(view.ok && view.value).toMatchObject({ state: 'available', count: 1 });
  expect(view.ok && view.value.target?.startsWith(offered)).toBe(true);
  await client.invoke('update.run', { target: view.ok ? view.value.target : '' });
  client.close();

  const second = await Promise.race([waitForNewProcess(`http://127.0.0.1:${port}`, first.pid, () => out, 90_000), gone]);
  expect(second.version).toMatch(/-demo\.1$/);
  expect(second.commit.startsWith(offered)).toBe(true);
  // The checkout the demo was started from is exactly as it was.
  expect(own.head()).toBe(headBefore);
  expect(git(own.dir, 'status', '--porcelain')).toBe('');

  gone.catch(() => undefined);
  const exited = new Promise<number | null>((r) => demo.once('exit', r));
  demo.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(existsSync(scratch)).toBe(false);
}, 200_000);
