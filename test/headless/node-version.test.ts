// A Node older than the app needs stops the headless, demo and export entries with a sentence and exit 2
// (Debian's Node 20 died of SIGSEGV in better-sqlite3, silently, restarted forever by supervisord).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../electron/headless/node-version.js';
import { APP_DIR } from '../helpers/world.js';

describe('the Node running the app', () => {
  it('22.12 and later run it; older ones are told which Node to use', () => {
    for (const v of ['22.12.0', '22.20.1', '23.0.0', '24.11.1', '30.1.0']) expect(nodeTooOld(v, '/x/node'), v).toBeNull();
    for (const v of ['22.11.9', '20.20.2', '18.0.0', '0.1']) expect(nodeTooOld(v, '/usr/bin/node'), v).toMatch(/this is Node .* \(\/usr\/bin\/node\); Discord Monitor needs Node 22\.12 or later.*command -v node/);
  });

  it("Debian's Node 20 (/usr/bin/node on these machines) running the built entries: exit 2 and the sentence, for each", () => {
    const old = '/usr/bin/node';
    expect(existsSync(old), 'these machines have Debian\'s Node 20 at /usr/bin/node').toBe(true);
    expect(Number(execFileSync(old, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim())).toBeLessThan(22);
    for (const entry of ['headless.js', 'export.js', 'demo.js']) {
      const file = join(APP_DIR, '.vite', 'build', entry);
      expect(existsSync(file), `${file}: run npm run build first`).toBe(true);
      const run = spawnSync(old, [file, '--port', '0'], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
      expect(run.status, entry).toBe(2);
      expect(run.stderr, entry).toMatch(/discord-monitor: this is Node 20\.[\d.]+ \(\/usr\/bin\/node\); Discord Monitor needs Node 22\.12 or later/);
    }
  });
});
