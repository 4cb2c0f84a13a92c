// Issue 7 item 11 (server side): the tokenised URL is printed to stdout once; no log line (file
// or stdout) carries a token-less panel URL a user could copy and land on a refused page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runHeadless, type Headless } from '../../electron/headless/run.js';
import { request } from './panel-fixture.js';

let h: Headless | null = null;
let dir: string | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.stop();
  h = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function start(noToken: boolean, host = '127.0.0.1'): Promise<{ stdout: string; logFile: string; port: number; token: string | null }> {
  dir = mkdtempSync(join(tmpdir(), 'dm-url-'));
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  h = await runHeadless(
    { host, port: 0, dataDir: join(dir, 'data'), noToken, selfTest: true, relaunched: false, waitPid: null },
    { DISCORD_MONITOR_ACCESS_TOKEN: 'url-test-access-token-0123456789' },
    dir,
  );
  h.core.log.flush();
  vi.restoreAllMocks();
  return { stdout: written.join(''), logFile: readFileSync(h.core.log.file, 'utf8'), port: h.panel.port, token: noToken ? null : 'url-test-access-token-0123456789' };
}

describe('the panel address at startup', () => {
  it('prints the tokenised URL once and logs where to find it without a URL', async () => {
    const { stdout, logFile, port, token } = await start(false);
    const url = `http://127.0.0.1:${port}/?token=${token}`;
    expect(stdout.split(url)).toHaveLength(2);
    // Every other http:// address in stdout or the log would be a token-less (or redacted) one.
    const addresses = (text: string) => text.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect(addresses(stdout)).toEqual([url]);
    expect(addresses(logFile)).toEqual([]);
    expect(logFile).toMatch(new RegExp(`Panel listening on 127\\.0\\.0\\.1:${port} .*printed at startup`));
    expect(stdout).toMatch(new RegExp(`Panel listening on 127\\.0\\.0\\.1:${port} .*printed at startup`));
  });

  it('without an access token, the printed URL is the whole address', async () => {
    const { stdout, port } = await start(true);
    expect(stdout).toContain(`Discord Monitor panel: http://127.0.0.1:${port}/\n`);
  });

  it('an access token set by DISCORD_MONITOR_ACCESS_TOKEN is redacted from the logs like the stored one', async () => {
    const { token } = await start(false);
    h!.core.log.logger.warn(`a line quoting ${token}`);
    h!.core.log.flush();
    const log = readFileSync(h!.core.log.file, 'utf8');
    expect(log).toContain('a line quoting [redacted]');
    expect(log).not.toContain(token!);
  });

  it('bound to every interface, prints a URL a browser can open (this machine\'s name), says so, and shows the token once', async () => {
    const { stdout, port, token } = await start(false, '0.0.0.0');
    const machine = hostname().toLowerCase();
    const url = `http://${machine}:${port}/?token=${token}`;
    expect(stdout.split(url)).toHaveLength(2);
    expect(stdout.split(token!)).toHaveLength(2);
    expect(stdout).not.toMatch(/0\.0\.0\.0:\d+\//);
    expect(stdout).toContain(`Listening on all interfaces (0.0.0.0): on this machine localhost:${port} works too`);
    // The printed name passes the Host check (the request itself goes to loopback).
    for (const host of [`${machine}:${port}`, `localhost:${port}`]) {
      expect((await request(port, 'GET', '/api/auth', { Host: host, Authorization: `Bearer ${token}` })).status, host).toBe(204);
    }
  });
});
