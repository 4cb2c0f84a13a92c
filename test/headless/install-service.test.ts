// `npm run install-service` writes a systemd user unit for this checkout: Type=notify with
// NotifyAccess=all (what the handover's MAINPID= needs), this Node, this checkout, the chosen port.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes ~/.config/systemd/user/discord-monitor.service with Type=notify and NotifyAccess=all', () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-unit-'));
  const out = execFileSync(process.execPath, ['scripts/install-service.mjs', '--port', '9911'], { cwd: APP_DIR, env: { ...process.env, XDG_CONFIG_HOME: dir }, encoding: 'utf8' });
  const unit = readFileSync(join(dir, 'systemd', 'user', 'discord-monitor.service'), 'utf8');
  expect(unit).toMatch(/^Type=notify$/m);
  expect(unit).toMatch(/^NotifyAccess=all$/m);
  // A setting it cannot start with exits 2 (test/headless/signals): systemd must not restart it every 5 s.
  expect(unit).toMatch(/^RestartPreventExitStatus=2$/m);
  expect(unit).toContain(`ExecStart=${process.execPath} ${APP_DIR}/.vite/build/headless.js --port 9911\n`);
  expect(unit).toContain(`WorkingDirectory=${APP_DIR}\n`);
  expect(unit).not.toContain('@');
  expect(out).toContain('systemctl --user enable --now discord-monitor');
});

it('refuses a port that is not a number, saying what to type', () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-unit-'));
  expect(() => execFileSync(process.execPath, ['scripts/install-service.mjs', '--port', 'eighty'], { cwd: APP_DIR, env: { ...process.env, XDG_CONFIG_HOME: dir }, stdio: 'pipe' })).toThrow(
    /--port must be a number from 1 to 65535, not "eighty"/,
  );
});
