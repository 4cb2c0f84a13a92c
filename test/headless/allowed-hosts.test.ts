// --allowed-host / DISCORD_MONITOR_ALLOWED_HOSTS: a reverse proxy forwarding its public name as Host
// is let in, nothing else is (DNS rebinding stays blocked). Parsing is property-tested; the Host check
// runs on a real panel server over real HTTP and WebSocket.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLESS_USAGE, parseHeadlessArgs } from '../../electron/headless/args.js';
import { hostAllowed } from '../../electron/headless/http/guards.js';
import { APP_DIR } from '../helpers/world.js';
import { ACCESS, connectWs, request, startTestPanel, type TestPanel } from './panel-fixture.js';
import { TS_NODE } from '../helpers/ts-node.js';

/** The real headless entry in a child process: its exit code and what it wrote. */
function headless(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TS_NODE, join(APP_DIR, 'electron', 'headless', 'main.ts'), ...args], {
      cwd: APP_DIR,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const ENV = 'DISCORD_MONITOR_ALLOWED_HOSTS';
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
const port = fc.integer({ min: 1, max: 65535 });

describe('--allowed-host on the command line and in the environment', () => {
  it('is repeatable, merges the comma-separated variable, lowercases, and defaults to none', () => {
    expect(parseHeadlessArgs([]).allowedHosts).toEqual([]);
    const args = parseHeadlessArgs(['--allowed-host', 'Panel.Example.com', '--allowed-host=proxy.lan:8443'], { [ENV]: ' a.example , B.example:80,,' });
    expect(args.allowedHosts).toEqual(['panel.example.com', 'proxy.lan:8443', 'a.example', 'b.example:80']);
    expect(parseHeadlessArgs(['--allowed-host', '[::1]:9000', '--allowed-host', '192.0.2.7']).allowedHosts).toEqual(['[::1]:9000', '192.0.2.7']);
  });

  it('accepts any host name with an optional port', () => {
    fc.assert(
      fc.property(hostName, fc.option(port, { nil: undefined }), (name, p) => {
        const value = p === undefined ? name : `${name}:${p}`;
        expect(parseHeadlessArgs(['--allowed-host', value]).allowedHosts).toEqual([value]);
        expect(parseHeadlessArgs([], { [ENV]: value }).allowedHosts).toEqual([value]);
      }),
    );
  });

  it('refuses anything but hostname[:port], saying what to type, from either source', () => {
    const bad = fc.oneof(
      fc.string(),
      fc.tuple(hostName, fc.constantFrom('/', '/path', '@x', ' x', ':0', ':65536', ':', ':80:80', '_x', '..', '*')).map(([h, s]) => `${h}${s}`),
      hostName.map((h) => `https://${h}`),
      hostName.map((h) => `*.${h}`),
      hostName.map((h) => `-${h}`),
    );
    const valid = /^((?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*|\[[0-9a-f:.]+\])(:([1-9]\d{0,4}))?$/i;
    fc.assert(
      fc.property(bad, (value) => {
        const trimmed = value.trim();
        // fc.string() may happen to draw a valid name: the property is about the rest.
        const m = valid.exec(trimmed);
        fc.pre(!(m && (!m[4] || Number(m[4]) <= 65535) && trimmed.length <= 253) && trimmed !== '' && !trimmed.includes(','));
        expect(() => parseHeadlessArgs([`--allowed-host=${value}`])).toThrow(/--allowed-host takes a host name with an optional port/);
        expect(() => parseHeadlessArgs([], { [ENV]: value })).toThrow(new RegExp(`${ENV}.*host name with an optional port`));
      }),
      { numRuns: 1000 },
    );
  });

  it('hostAllowed: a name lets in that name at any port, a name:port that port only, and nothing else', () => {
    fc.assert(
      fc.property(hostName, port, port, fc.boolean(), (name, p, other, withPort) => {
        const allowed = new Set([withPort ? `${name}:${p}` : name]);
        expect(hostAllowed(`${name.toUpperCase()}:${p}`, '127.0.0.1', allowed)).toBe(true);
        expect(hostAllowed(name, '127.0.0.1', allowed)).toBe(!withPort);
        expect(hostAllowed(`${name}:${other}`, '127.0.0.1', allowed)).toBe(!withPort || other === p);
        expect(hostAllowed(`x${name}`, '127.0.0.1', allowed)).toBe(false);
        expect(hostAllowed(`a.${name}:${p}`, '127.0.0.1', allowed)).toBe(false);
        expect(hostAllowed(`${name}.evil.example`, '127.0.0.1', allowed)).toBe(false);
      }),
    );
  });

  it('is documented in --help', () => {
    expect(parseHeadlessArgs(['--help']).help).toBe(true);
    expect(parseHeadlessArgs(['-h']).help).toBe(true);
    expect(HEADLESS_USAGE).toMatch(/--allowed-host NAME\[:PORT\]/);
    expect(HEADLESS_USAGE).toContain(ENV);
    for (const option of ['--host', '--port', '--data-dir', '--no-token']) expect(HEADLESS_USAGE).toContain(option);
  });
});

describe('the headless entry', () => {
  it('--help prints the options and exits 0; a bad name in the environment stops it with exit 2, saying what to type', async () => {
    // --self-test: were the variable not read, the entry would check itself and exit 0, never serve.
    const home = mkdtempSync(join(tmpdir(), 'dm-allowed-'));
    const [help, bad] = await Promise.all([
      headless(['--help']),
      headless(['--self-test', '--data-dir', join(home, 'data')], { HOME: home, [ENV]: 'https://panel.example.com/' }),
    ]).finally(() => rmSync(home, { recursive: true, force: true }));
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${HEADLESS_USAGE}\n`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${ENV} takes a host name with an optional port (panel.example.com or panel.example.com:8443), not "https://panel.example.com/".`);
    expect(bad.stderr).toContain('--help lists the options');
  }, 90_000);
});

describe('a panel behind a reverse proxy', () => {
  let t: TestPanel;
  beforeAll(async () => {
    t = await startTestPanel({ allowedHosts: ['panel.example.com', 'proxy.lan:8443'] });
  });
  afterAll(() => t.close());

  it.each(['panel.example.com', 'PANEL.example.com:443', 'proxy.lan:8443', '127.0.0.1'])('answers Host %s', async (host) => {
    expect((await request(t.panel.port, 'GET', '/', { Host: host })).status).toBe(200);
    expect((await request(t.panel.port, 'GET', '/api/auth', { Host: host, Authorization: `Bearer ${ACCESS}` })).status).toBe(204);
  });

  it.each(['evil.example', 'sub.panel.example.com', 'panel.example.com.evil.example', 'proxy.lan', 'proxy.lan:8444', 'example.com'])('still answers 421 to Host %s (DNS rebinding)', async (host) => {
    const refused = await request(t.panel.port, 'GET', '/', { Host: host });
    expect(refused.status).toBe(421);
    expect(refused.body).toContain('start it with --allowed-host');
    const upgrade = { Host: host, Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' };
    expect((await request(t.panel.port, 'GET', `/api?token=${ACCESS}`, upgrade)).status).toBe(421);
  });

  it('opens the WebSocket for a page the proxy serves under its public name', async () => {
    const ws = await connectWs(t.panel.port, `?token=${ACCESS}`, { Host: 'panel.example.com', Origin: 'https://panel.example.com' });
    ws.close();
  });
});
