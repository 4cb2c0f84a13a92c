// The updater reuses the running panel (and preload) when a git diff of their sources is empty. The
// panel's build reads more than renderer/ and shared/: vite.renderer.config.ts fills index.html's CSP
// <meta> from electron/headless/http/security-headers.ts, and every TypeScript config extends
// tsconfig.base.json. A release changing only those must build a new panel, or it runs the old one
// (an old <meta> CSP is enforced beside the new header: media blocked, as fixed in 3273350).
// Real git, this project's files as committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reusableOutputs, REUSABLE } from '../../electron/core/update/reusable.js';
import { git } from '../e2e/installed-checkout.js';
import { APP_DIR } from '../helpers/world.js';

let root: string;
let app: string;
let vite: string;
let v1: string;

/** A commit on top of v1 with `edit` applied; returns what the updater would reuse from v1's build. */
async function reusedAfter(message: string, edit: () => void): Promise<string[]> {
  git(app, 'checkout', '-q', '--detach', v1);
  edit();
  git(app, 'commit', '-qam', message);
  return reusableOutputs(simpleGit(app), v1, git(app, 'rev-parse', 'HEAD'), vite);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-review2-reuse-panel-'));
  app = join(root, 'app');
  mkdirSync(app);
  execFileSync('sh', ['-c', `git -C "${APP_DIR}" archive HEAD | tar -xf - -C "${app}"`]);
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'v1');
  v1 = git(app, 'rev-parse', 'HEAD');
  // v1's build as the updater finds it (the panel and the preload present).
  vite = join(root, 'vite');
  mkdirSync(join(vite, 'renderer', 'main_window'), { recursive: true });
  mkdirSync(join(vite, 'build'), { recursive: true });
  writeFileSync(join(vite, 'renderer', 'main_window', 'index.html'), '<meta http-equiv="Content-Security-Policy" content="old">');
  writeFileSync(join(vite, 'build', 'preload.cjs'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a docs-only release reuses both (the check itself works)', async () => {
  expect(await reusedAfter('docs', () => writeFileSync(join(app, 'README.md'), 'more\n', { flag: 'a' }))).toEqual(['renderer', 'preload']);
});

it('a release that changes only the CSP builds a new panel (its index.html <meta> is filled from it)', async () => {
  const file = join(app, 'electron', 'headless', 'http', 'security-headers.ts');
  const reused = await reusedAfter('csp', () => writeFileSync(file, readFileSync(file, 'utf8').replace("media-src 'self' https: http:;", "media-src 'self' https: http: blob:;")));
  expect(reused).not.toContain('renderer');
});

it('a release that changes only tsconfig.base.json (extended by every config) builds the panel and preload again', async () => {
  const file = join(app, 'tsconfig.base.json');
  const reused = await reusedAfter('ts base', () => writeFileSync(file, readFileSync(file, 'utf8').replace('"verbatimModuleSyntax": true', '"verbatimModuleSyntax": false')));
  expect(reused).toEqual([]);
});

it('a release that adds or changes a Vite env file (.env.production) builds the panel and preload again', async () => {
  const reused = await reusedAfter('env', () => {
    writeFileSync(join(app, '.env.production'), 'VITE_PROBE=1\n');
    git(app, 'add', '.env.production');
  });
  expect(reused).toEqual([]);
});

it("every project file the panel's Vite config imports (and what they import) is among the panel's sources", () => {
  const sources: readonly string[] = REUSABLE.renderer.sources;
  const covered = (file: string) => sources.some((s) => file === s || file.startsWith(`${s}/`));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(APP_DIR, file), 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'(\.[^']+)'/g)) {
      const target = relative(APP_DIR, resolve(APP_DIR, dirname(file), spec!)).replace(/\.js$/, '.ts');
      if (/\.(ts|tsx|mjs|json)$/.test(target)) visit(target);
    }
  };
  visit('vite.renderer.config.ts');
  expect([...seen].filter((f) => !covered(f))).toEqual([]);
  expect(seen.has('electron/headless/http/security-headers.ts')).toBe(true);
});
