// Invariant 5 — DISCORD_MONITOR_ACCESS_TOKEN set but empty (`Environment=DISCORD_MONITOR_ACCESS_TOKEN=` in
// a unit, a compose file passing an unset variable) replaced the generated access token, and an empty
// Bearer header or `?token=` matched it: the panel and its exports open to anyone on 0.0.0.0 (outside
// review). Blank is now ignored (said in the log), and a token anyone could guess refuses the start.
import { hostname, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { runHeadless, type Headless } from '../../electron/headless/run.js';
import { request } from './panel-fixture.js';

let h: Headless | null = null;
let dir: string | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.stop();
  h = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const start = (value: string) => {
  dir = mkdtempSync(join(tmpdir(), 'dm-access-env-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return runHeadless({ host: '0.0.0.0', port: 0, dataDir: join(dir, 'data'), noToken: false, selfTest: true, relaunched: false, waitPid: null }, { DISCORD_MONITOR_ACCESS_TOKEN: value }, dir);
};

it.each(['', '   '])('a blank DISCORD_MONITOR_ACCESS_TOKEN (%j) on 0.0.0.0: no request gets in without the generated token', async (value) => {
  h = await start(value);
  vi.restoreAllMocks();
  const { port } = h.panel;
  const host = { Host: `${hostname().toLowerCase()}:${port}` };
  for (const path of ['/api/auth', '/api/auth?token=', `/api/auth?token=${encodeURIComponent(value)}`]) {
    expect((await request(port, 'GET', path, host)).status, path).toBe(401);
  }
  expect((await request(port, 'GET', '/api/auth', { ...host, Authorization: 'Bearer ' })).status).toBe(401);
  expect((await request(port, 'GET', '/api/auth', { ...host, Authorization: `Bearer ${value}` })).status).toBe(401);
  const generated = h.core.settings.accessToken();
  expect(generated.length).toBeGreaterThanOrEqual(16);
  expect((await request(port, 'GET', '/api/auth', { ...host, Authorization: `Bearer ${generated}` })).status).toBe(204);
  h.core.log.flush();
  expect(readFileSync(h.core.log.file, 'utf8')).toContain('DISCORD_MONITOR_ACCESS_TOKEN is set but empty: it is ignored');
});

it('a token anyone could guess refuses the start, saying how long it must be', async () => {
  await expect(start('abc123')).rejects.toThrow(/DISCORD_MONITOR_ACCESS_TOKEN has 6 characters.*at least 16/);
});
