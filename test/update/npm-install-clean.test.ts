// The README's install (`git clone …` then `npm install`) must leave the checkout clean: any file npm
// rewrites would be set aside as a "local change" by every later update.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';
import { git } from './fixture.js';

const root = mkdtempSync(join(tmpdir(), 'dm-npm-clean-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('npm install in a fresh clone rewrites no tracked file (package-lock.json included)', () => {
  const dir = join(root, 'clone');
  git(root, 'clone', '-q', '--no-hardlinks', APP_DIR, dir);
  // Scripts (native builds) do not touch the lockfile; skipping them keeps this test to the install itself.
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
  execFileSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env, stdio: 'pipe', timeout: 240_000 });
  expect(git(dir, 'status', '--porcelain')).toBe('');
}, 300_000);
