import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestarter, runRestartCommand } from '../../electron/core/update/restart-command.js';
import { detectRestartMethod, systemdUnit, type Env } from '../../electron/core/update/restart-method.js';

const cgroup = (text: string) => (path: string) => (path === '/proc/self/cgroup' ? text : null);
const none = () => null;

describe('detectRestartMethod', () => {
  it('systemd system unit from INVOCATION_ID and the cgroup', () => {
    const plan = detectRestartMethod({ INVOCATION_ID: 'f00' }, cgroup('0::/system.slice/discord-monitor.service\n'));
    expect(plan).toMatchObject({ method: 'systemd', argv: ['systemctl', 'restart', 'discord-monitor.service'] });
  });

  it('systemd user unit', () => {
    const plan = detectRestartMethod(
      { INVOCATION_ID: 'f00' },
      cgroup('0::/user.slice/user-1000.slice/user@1000.service/app.slice/discord-monitor.service\n'),
    );
    expect(plan.argv).toEqual(['systemctl', '--user', 'restart', 'discord-monitor.service']);
  });

  it('reads cgroup v1 files too, and ignores sessions that are not services', () => {
    expect(systemdUnit('12:pids:/system.slice/x.service\n1:name=systemd:/system.slice/dm.service\n')).toEqual({ unit: 'dm.service', user: false });
    expect(systemdUnit('0::/user.slice/user-1000.slice/session-2.scope\n')).toBeNull();
    // A terminal session has no INVOCATION_ID: no systemd restart, a relaunch.
    expect(detectRestartMethod({}, cgroup('0::/system.slice/discord-monitor.service')).method).toBe('relaunch');
  });

  it('supervisor, with its server URL and group', () => {
    const env: Env = { SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'discord-monitor' };
    expect(detectRestartMethod(env, none).argv).toEqual(['supervisorctl', 'restart', 'discord-monitor']);
    const full = { ...env, SUPERVISOR_SERVER_URL: 'http://127.0.0.1:9001', SUPERVISOR_GROUP_NAME: 'bots' };
    expect(detectRestartMethod(full, none).argv).toEqual(['supervisorctl', '-s', 'http://127.0.0.1:9001', 'restart', 'bots:discord-monitor']);
  });

  it('pm2 by id', () => {
    expect(detectRestartMethod({ pm_id: '3' }, none)).toMatchObject({ method: 'pm2', argv: ['pm2', 'restart', '3'] });
  });

  it('the innermost manager wins over the systemd unit that hosts it', () => {
    const hostedBySystemd = { INVOCATION_ID: 'f00', pm_id: '0' };
    expect(detectRestartMethod(hostedBySystemd, cgroup('0::/system.slice/pm2-bob.service')).method).toBe('pm2');
  });

  it('falls back to relaunching itself, never a broad kill', () => {
    const plan = detectRestartMethod({}, none);
    expect(plan).toMatchObject({ method: 'relaunch', argv: null });
  });

  it('a setting forces one method, and says when it cannot be used', () => {
    const env: Env = { pm_id: '0', SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'dm' };
    expect(detectRestartMethod(env, none, 'supervisor').argv).toEqual(['supervisorctl', 'restart', 'dm']);
    expect(detectRestartMethod(env, none, 'relaunch')).toMatchObject({ method: 'relaunch', argv: null });
    const forced = detectRestartMethod(env, none, 'systemd');
    expect(forced).toMatchObject({ method: 'systemd', argv: null });
    expect(forced.problem?.text).toContain('set the restart method to auto');
  });
});

describe('runRestartCommand', () => {
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'dm-bin-'));
    writeFileSync(join(bin, 'supervisorctl'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(bin, 'argv.txt')}"\n`);
    writeFileSync(join(bin, 'systemctl'), '#!/bin/sh\necho "Failed to restart x.service: Access denied" >&2\nexit 4\n');
    chmodSync(join(bin, 'supervisorctl'), 0o755);
    chmodSync(join(bin, 'systemctl'), 0o755);
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const env = () => ({ ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });

  it('runs the manager command found on PATH with the exact argv', async () => {
    const plan = detectRestartMethod({ SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'discord-monitor' }, none);
    await expect(runRestartCommand(plan.argv ?? [], { env: env() })).resolves.toEqual({ exitCode: 0 });
    expect(readFileSync(join(bin, 'argv.txt'), 'utf8').split('\n').filter(Boolean)).toEqual(['restart', 'discord-monitor']);
  });

  it('rejects with the manager’s message when it refuses', async () => {
    await expect(runRestartCommand(['systemctl', 'restart', 'x.service'], { env: env() })).rejects.toThrow(/exited with code 4: Failed to restart x.service: Access denied/);
  });

  it('rejects with what the manager said on stdout (supervisorctl says why there, e.g. a socket its user may not use)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-bin-'));
    // As a real supervisorctl run by a user the socket refuses prints it (outside review: chmod=0700 socket, user=monitor).
    writeFileSync(join(dir, 'supervisorctl'), `#!/bin/sh\necho "error: <class 'PermissionError'>, [Errno 13] Permission denied: file: /usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 557"\nexit 1\n`);
    chmodSync(join(dir, 'supervisorctl'), 0o755);
    try {
      await expect(runRestartCommand(['supervisorctl', 'restart', 'discord-monitor'], { env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` } })).rejects.toThrow(/exited with code 1: error: <class 'PermissionError'>, \[Errno 13\] Permission denied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a command that outlives the wait still finishes: what it writes after it goes nowhere that can kill it', async () => {
    // supervisorctl restart stops this very process, then prints "stopped" and starts the new one: into a
    // pipe nobody read any more, that print died of SIGPIPE and the service stayed stopped (CI, under supervisord).
    const dir = mkdtempSync(join(tmpdir(), 'dm-restart-'));
    const marker = join(dir, 'started');
    try {
      await expect(runRestartCommand(['sh', '-c', `sleep 0.5; echo stopped; echo oops >&2; echo yes > '${marker}'`], { deadlineMs: 100 })).resolves.toEqual({ exitCode: null });
      await new Promise((r) => setTimeout(r, 1500));
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects with a fix when the command does not exist', async () => {
    await expect(runRestartCommand(['pm2', 'restart', '0'], { env: { PATH: bin } })).rejects.toThrow(/pm2 installed and on PATH/);
  });

  it('createRestarter uses the Relauncher for relaunch and refuses an unusable forced plan', async () => {
    const relaunched: string[][] = [];
    const restarter = createRestarter({ relaunch: async (args) => void relaunched.push(args) }, { env: env() });
    await restarter.restart(detectRestartMethod({}, none));
    expect(relaunched).toEqual([[]]);
    await expect(restarter.restart(detectRestartMethod({}, none, 'pm2'))).rejects.toThrow(/cannot be used here/);
  });
});
