// systemd Type=notify at the command level: no systemd as PID 1 here, so the messages are read
// from a fake NOTIFY_SOCKET.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { takeOverPath } from '../../electron/core/update/handover-path.js';
import { notifyReady } from '../../electron/headless/sd-notify.js';
import { coreText } from '../../shared/core-text.js';
import { fakeNotifySocket, type NotifySocket } from '../helpers/notify-socket.js';

let dir = '';
let socket: NotifySocket | null = null;
afterEach(() => {
  socket?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('sends MAINPID=<pid> and READY=1 through systemd-notify to NOTIFY_SOCKET', async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-notify-'));
  socket = await fakeNotifySocket(dir);
  const said = await notifyReady({ ...process.env, NOTIFY_SOCKET: socket.path }, 4242);
  // Plumbing that worked: for the log file (debug), not the user's event log.
  expect(said).toEqual({ level: 'debug', text: 'Told systemd the service is ready (main PID 4242).' });
  await socket.waitFor((m) => m.includes('MAINPID=4242\nREADY=1'));
  // systemd-notify then waits for the manager to have read it (BARRIER=1), so a quick exit loses nothing.
  expect(socket.messages.filter((m) => m !== 'BARRIER=1')).toEqual(['MAINPID=4242\nREADY=1']);
});

it('does nothing without NOTIFY_SOCKET, and says how to fix a missing systemd-notify', async () => {
  expect(await notifyReady({ PATH: process.env.PATH })).toBeNull();
  const said = await notifyReady({ NOTIFY_SOCKET: '/nonexistent/notify.sock', PATH: '/nonexistent' });
  expect(said?.text).toMatch(/Could not tell systemd .* install systemd's systemd-notify, or use Type=simple/);
  expect(said).toMatchObject({ level: 'warn', i18n: { key: 'log.systemdNotifyFailed' } });
});

it('hands over under systemd only when the unit is Type=notify; supervisor and pm2 keep the restart', () => {
  const systemd = { method: 'systemd' as const, argv: ['systemctl', '--user', 'restart', 'dm.service'], reason: coreText('update.restartReason.systemdUser', { unit: 'dm.service' }) };
  expect(takeOverPath(systemd, { NOTIFY_SOCKET: '/run/user/1000/systemd/notify' })).toMatchObject({ handover: true, why: expect.stringMatching(/MAINPID=/) });
  expect(takeOverPath(systemd, {})).toMatchObject({ handover: false, why: expect.stringMatching(/not Type=notify/) });
  expect(takeOverPath({ method: 'relaunch', argv: null, reason: coreText('update.restartReason.noManager') }, {})).toMatchObject({ handover: true });
  for (const method of ['supervisor', 'pm2'] as const) {
    expect(takeOverPath({ method, argv: ['x'], reason: coreText('update.restartReason.noManager') }, { NOTIFY_SOCKET: '/x' })).toMatchObject({ handover: false, why: expect.stringMatching(/cannot change a program's PID/) });
  }
});
