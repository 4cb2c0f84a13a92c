// An update test's checkout shares this repository's dependencies; an install-deps step running the
// real `npm ci` there (it empties node_modules first) must never reach the developer's own install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { shareDependencies } from '../e2e/installed-checkout.js';

const root = mkdtempSync(join(tmpdir(), 'dm-deps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it.each(['hard-links', 'package-links'] as const)('npm ci in a test checkout leaves the source node_modules untouched (%s)', (how) => {
  const own = join(root, how, 'developer', 'node_modules');
  mkdirSync(join(own, 'left-pad', 'lib'), { recursive: true });
  writeFileSync(join(own, 'left-pad', 'package.json'), '{"name":"left-pad","version":"1.0.0"}');
  writeFileSync(join(own, 'left-pad', 'lib', 'index.js'), 'module.exports = 1;\n');
  const app = join(root, how, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
  writeFileSync(join(app, 'package-lock.json'), '{"name":"app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"app","version":"1.0.0"}}}');
  shareDependencies(own, join(app, 'node_modules'), how);
  expect(readFileSync(join(app, 'node_modules', 'left-pad', 'lib', 'index.js'), 'utf8')).toContain('module.exports');

  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
  execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app, env, stdio: 'pipe', timeout: 60_000 });

  expect(existsSync(join(app, 'node_modules', 'left-pad'))).toBe(false); // npm ci did empty the checkout's copy
  expect(readFileSync(join(own, 'left-pad', 'lib', 'index.js'), 'utf8')).toBe('module.exports = 1;\n');
});
