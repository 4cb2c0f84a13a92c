// A plain checkout's first update reuses the panel from its .vite/ when git says the panel's sources did
// not change between the checkout's HEAD and the new commit. But .vite/ is what was built, and the build
// says from which commit (app-identity.json): HEAD may have moved since (a `git pull` while the app runs,
// a local commit). Decided from HEAD, the new release gets the panel of an older commit than both.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, expect, it } from 'vitest';
import { discard, prepare, startReleaseRun } from '../../electron/core/update/release-steps.js';
import { git } from '../e2e/installed-checkout.js';

const root = mkdtempSync(join(tmpdir(), 'dm-review2-plain-reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('the panel built from an older commit than HEAD is not reused when the panel changed since that commit', async () => {
  const app = join(root, 'app');
  const put = (file: string, text: string) => {
    mkdirSync(join(app, file, '..'), { recursive: true });
    writeFileSync(join(app, file), text);
  };
  put('.gitignore', '.vite/\n.releases/\n');
  put('package-lock.json', '{}\n');
  put('scripts/build.mjs', '\n');
  put('tsconfig.json', '{}\n');
  put('electron/preload.ts', '\n');
  put('shared/api.ts', '\n');
  put('renderer/src/App.tsx', "export const App = 'panel of X';\n");
  git(app, 'init', '-q', '-b', 'main');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'X');
  const x = git(app, 'rev-parse', 'HEAD');
  // The running app was built at X.
  put('.vite/renderer/main_window/index.html', '<!-- panel of X -->');
  put('.vite/build/preload.cjs', '');
  put('.vite/build/headless.js', '');
  put('.vite/build/app-identity.json', `${JSON.stringify({ version: '1.0.0', commit: x })}\n`);
  // Then the checkout moved on (a pull while the app runs): the panel changed at Y, not rebuilt.
  put('renderer/src/App.tsx', "export const App = 'panel of Y';\n");
  git(app, 'commit', '-qam', 'Y');
  const y = git(app, 'rev-parse', 'HEAD');
  // The update's target Z changes only docs on top of Y.
  git(app, 'checkout', '-q', '-b', 'upstream');
  put('README.md', 'docs\n');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'Z');
  const z = git(app, 'rev-parse', 'HEAD');
  git(app, 'checkout', '-q', 'main');

  const r = startReleaseRun(null);
  const c = {
    git: simpleGit(app), appDir: app, from: y, to: z,
    commands: { install: ['true'] as const, build: ['true'] as const, selfTest: ['true'] as const }, timeouts: { install: 10_000, build: 10_000 }, log: () => undefined,
  };
  await prepare(r, c as Parameters<typeof prepare>[1]);
  try {
    const { reused } = await r.prepared!.ready;
    // Z's panel is Y's: the panel of X would be the old code.
    expect(reused).not.toContain('renderer');
  } finally {
    await discard(r);
  }
});
