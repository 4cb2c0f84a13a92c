// Headless mode logs to stdout, which a service manager keeps (journald, supervisor, pm2 logs). The real
// headless entry runs as a child process against the fake Discord; Discord data and a Discord error
// quote the bot token, a channel message quotes it, and panel commands carry it: neither stdout nor
// any log file may contain it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { panelClient } from '../e2e/ws-client.js';
import { APP_DIR } from '../helpers/world.js';
import { TS_NODE } from '../helpers/ts-node.js';

const TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.stdout-test.token_0123456789abcdef';
let fake: FakeDiscord | null = null;
let proxy: Server | null = null;
let child: ChildProcess | null = null;
let dataDir = '';

afterEach(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
  child = null;
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
  proxy = null;
  await fake?.close();
  fake = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** In front of the fake Discord: the message fetch fails with an error that echoes the Authorization header. */
async function echoingProxy(target: string): Promise<string> {
  const origin = new URL(target).origin;
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('error', () => res.destroy());
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && /\/channels\/\d+\/messages/.test(req.url ?? '')) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 50035, message: `Invalid Form Body (request signed "${req.headers.authorization ?? ''}")` }));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<string, string>;
      fetch(`${origin}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) }).then(
        async (reply) => {
          const body = Buffer.from(await reply.arrayBuffer());
          const out: Record<string, string> = {};
          reply.headers.forEach((v, k) => {
            if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
          });
          res.writeHead(reply.status, out);
          res.end(body);
        },
        () => res.destroy(),
      );
    });
  });
  proxy.on('error', () => undefined);
  await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api`;
}

async function until(what: string, check: () => boolean | Promise<boolean>, output: () => string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('stdout and the log files never contain the bot token', async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  const bot = fake.addBot({ token: TOKEN, username: 'Monitor Bot' });
  const user = fake.addUser({ username: 'alice' });
  // Discord data that quotes the token: the guild's name ends up in "Monitoring #general on …".
  const guild = fake.addGuild({ name: `Lab ${TOKEN}`, channels: [{ name: 'general' }], members: [bot.id, user.id] });
  const channelId = guild.channels[0]!.id;
  const apiUrl = await echoingProxy(fake.apiUrl);
  dataDir = mkdtempSync(join(tmpdir(), 'dm-stdout-'));

  // The real entry, from source (Node strips the types).
  const proc = spawn(process.execPath, [...TS_NODE, join(APP_DIR, 'electron', 'headless', 'main.ts'), '--port', '0', '--data-dir', dataDir], {
    cwd: APP_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_CHANNEL_ID: channelId,
      DISCORD_API_URL: apiUrl,
      DISCORD_CDN_URL: fake.cdnUrl,
      AUTO_UPDATE_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.on('error', (err) => (stderr += `spawn error: ${err.message}\n`));
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = () => `${stdout}\n--- stderr ---\n${stderr}`;

  await until('the panel URL', () => /Discord Monitor panel: \S+/.test(stdout), output);
  await until('the guild name and the fetch error in the log', () => /Monitoring #general/.test(stdout) && /Could not fetch/.test(stdout), output);
  const panelUrl = /Discord Monitor panel: (\S+)/.exec(stdout)![1]!;
  const accessToken = new URL(panelUrl).searchParams.get('token')!;

  // A channel message quoting the token, then panel commands that carry it.
  const client = await panelClient(panelUrl);
  const posted = fake.postMessage(channelId, { authorId: user.id, content: `here is our bot token: ${TOKEN}` });
  await until(
    'the quoted message in the panel',
    async () => {
      const reply = await client.invoke<Array<{ id: string }>>('messages.list');
      return reply.ok && reply.value.some((m) => m.id === posted.id);
    },
    output,
  );
  await client.invoke('settings.save', { guildId: TOKEN });
  await client.invoke(TOKEN, { token: TOKEN });
  await client.invoke('settings.testConnection', { token: TOKEN, guildId: guild.id, channelId });
  client.close();

  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  proc.kill('SIGTERM');
  expect(await exited).toBe(0);

  const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('\n');
  // The paths that quote the token were really taken (else this test would pass by silence).
  expect(stdout).toMatch(/Monitoring #general on Lab \[redacted\]/);
  expect(stdout).toMatch(/Could not fetch every message.*\[redacted\]/);
  expect(logs).toMatch(/Could not fetch every message.*\[redacted\]/);
  expect(stdout).not.toContain(TOKEN);
  expect(stderr).not.toContain(TOKEN);
  expect(logs).not.toContain(TOKEN);
  // The access token is printed once on purpose (the URL to open), never logged.
  expect(logs).not.toContain(accessToken);
  expect(stdout.split(accessToken).length - 1).toBe(1);
});
