// A real supervisord running an installed checkout's headless app, plus the tools to crash it the
// way a power cut or the OOM killer would: SIGKILL to the app and every process it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN, type World } from '../helpers/world.js';
import { reservePort } from './reserve-port.js';

export interface Supervised {
  dir: string;
  dataDir: string;
  port: number;
  base: string;
  log: () => string;
  close(): Promise<void>;
}


/**
 * `pathPrefix`: a folder searched first for commands the app runs (tests put wrappers of git, cp… there).
 * `startRetries`: supervisord's startretries (a boot-crash test wants no slack).
 */
export async function superviseApp(world: World, appDir: string, accessToken: string, opts: { pathPrefix?: string; startRetries?: number } = {}): Promise<Supervised> {
  if (!existsSync('/usr/bin/supervisord')) throw new Error('supervisord missing: apt-get install -y supervisor (.ci/run does it)');
  const dir = mkdtempSync(join(tmpdir(), 'dm-supervised-'));
  const port = await reservePort();
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: world.guildId,
    DISCORD_CHANNEL_ID: world.channelId,
    DISCORD_API_URL: world.fake.apiUrl,
    DISCORD_MONITOR_ACCESS_TOKEN: accessToken,
    DISCORD_MONITOR_DATA_DIR: join(dir, 'data'),
    // The crash test kills the app on purpose a dozen times in minutes: not the crash loop the session-start backoff is for.
    DISCORD_MONITOR_CRASH_LOOP_FREE: '1000',
    PATH: `${opts.pathPrefix ? `${opts.pathPrefix}:` : ''}${join(process.execPath, '..')}:${process.env.PATH}`,
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
command=${process.execPath} ${appDir}/.vite/build/headless.js --port ${port}
directory=${appDir}
environment=${Object.entries(env).map(([k, v]) => `${k}="${v}"`).join(',')}
autorestart=true
startsecs=1
startretries=${opts.startRetries ?? 3}
stopsignal=TERM
stopwaitsecs=20
redirect_stderr=true
stdout_logfile=${dir}/app.log
`,
  );
  const supervisord: ChildProcess = spawn('/usr/bin/supervisord', ['-n', '-c', join(dir, 'supervisord.conf')], { stdio: 'ignore' });
  supervisord.on('error', () => undefined);
  const log = () => (existsSync(join(dir, 'app.log')) ? readFileSync(join(dir, 'app.log'), 'utf8').slice(-6000) : '(no log)');
  return {
    dir,
    dataDir: join(dir, 'data'),
    port,
    base: `http://127.0.0.1:${port}`,
    log,
    async close() {
      if (supervisord.exitCode === null) {
        const exited = new Promise((r) => supervisord.once('exit', r));
        supervisord.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every process started (directly or not) by `pid`, read from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Exited meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/** SIGKILL to the app and its whole tree at once (children first would let the parent react). */
export function killTree(pid: number): number[] {
  // 0 or -1 would signal a whole process group, the test runner's own included.
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`killTree: refusing pid ${pid}`);
  const all = [pid, ...descendants(pid)];
  for (const p of all) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return all;
}

/** Resolves once `check` is true; polls every 20 ms until the deadline. */
export async function waitFor(what: string, check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${describe()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
