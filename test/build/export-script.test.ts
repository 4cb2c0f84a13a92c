// `npm run export` beside a running app: it rebuilt .vite/ on every run, which empties and rewrites the
// folder the running app serves its panel from (19 of 300 requests answered 503 during one export;
// outside review). With a build in place it now runs the built exporter only.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { APP_DIR } from '../helpers/world.js';

it('runs the built exporter without rebuilding the panel a running app serves', () => {
  const page = join(APP_DIR, '.vite', 'renderer', 'main_window', 'index.html');
  const before = statSync(page, { bigint: true });
  let out = '';
  try {
    execFileSync('npm', ['run', '--silent', 'export', '--', '--bogus'], { cwd: APP_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    out = e.stdout + e.stderr;
    expect(e.status).toBe(2);
  }
  expect(out).toMatch(/Usage: npm run export/);
  expect(out).not.toMatch(/^build: /m);
  const after = statSync(page, { bigint: true });
  expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
});
