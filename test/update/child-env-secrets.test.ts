// Invariant 4 — the commands an update runs never get the app's secrets. DISCORD_TOKEN is a documented
// way to give the token; the new version's install and build scripts (code fetched from the remote, and
// under `npm ci` any dependency's install scripts), its self-test, git and the service manager's restart
// command all inherited it, with DISCORD_MONITOR_ACCESS_TOKEN (outside review: a preinstall script read both).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { runRestartCommand } from '../../electron/core/update/restart-command.js';
import { Fixture, lockfile } from './fixture.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhQw3e.ChildEnvLeakTokenQwertyZxcvAsdf';
const ACCESS = 'child-env-access-token-0123456789abcdef';
let fx: Fixture;
const saved = { token: process.env.DISCORD_TOKEN, access: process.env.DISCORD_MONITOR_ACCESS_TOKEN, path: process.env.PATH };
beforeEach(() => {
  fx = new Fixture();
  process.env.DISCORD_TOKEN = TOKEN;
  process.env.DISCORD_MONITOR_ACCESS_TOKEN = ACCESS;
});
afterEach(() => {
  for (const [k, v] of [['DISCORD_TOKEN', saved.token], ['DISCORD_MONITOR_ACCESS_TOKEN', saved.access], ['PATH', saved.path]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fx.cleanup();
});

/** A line of `loot` per run: which script saw which of the two variables. */
const record = (loot: string) =>
  `(await import('node:fs')).appendFileSync(${JSON.stringify(loot)}, JSON.stringify({ script: process.argv[1], token: process.env.DISCORD_TOKEN ?? null, access: process.env.DISCORD_MONITOR_ACCESS_TOKEN ?? null }) + '\\n');\n`;

it("the new version's install, build and self-test scripts and git see neither secret", async () => {
  const loot = join(fx.root, 'loot.jsonl');
  // git first on PATH: records its environment, then runs the real one.
  const bin = join(fx.root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "{\\"script\\":\\"git $1\\",\\"token\\":\\"$DISCORD_TOKEN\\",\\"access\\":\\"$DISCORD_MONITOR_ACCESS_TOKEN\\"}" >> '${loot}'\nexec /usr/bin/git "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}:${saved.path}`;
  const script = (name: string) => record(loot) + readFileSync(join(fx.checkout, 'scripts', name), 'utf8');
  fx.publish('Version 2 (upstream)', {
    'version.txt': 'v2',
    'package-lock.json': lockfile('b'),
    'scripts/install.mjs': script('install.mjs'),
    'scripts/build.mjs': script('build.mjs'),
    'scripts/selftest.mjs': script('selftest.mjs'),
  });
  const result = await runUpdate(fx.context());
  expect(result.outcome, String(result.error)).toBe('restart-needed');
  const runs = readFileSync(loot, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { script: string; token: string | null; access: string | null });
  // Each kind of command ran and was recorded.
  for (const name of ['install.mjs', 'build.mjs', 'selftest.mjs', 'git fetch']) expect(runs.some((r) => r.script.endsWith(name)), name).toBe(true);
  expect(runs.filter((r) => r.token || r.access)).toEqual([]);
});

it("the service manager's restart command sees neither secret", async () => {
  const out = join(fx.root, 'restart-env');
  await runRestartCommand(['sh', '-c', `env > '${out}'`]);
  expect(existsSync(out)).toBe(true);
  const env = readFileSync(out, 'utf8');
  expect(env).toContain('PATH=');
  expect(env).not.toContain(TOKEN);
  expect(env).not.toContain(ACCESS);
});
