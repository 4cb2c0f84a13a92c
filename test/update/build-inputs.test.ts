// The Node bundle's input manifest on a small tree of real files: what makes a previous bundle unusable.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { directBuild } from '../../electron/core/update/release.js';
import { inputsManifest, MANIFEST, whyNotReusable } from '../../scripts/build-inputs.mjs';

let dir: string;
let prev: string;
const put = (file: string, text: string) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-build-inputs-'));
  prev = mkdtempSync(join(tmpdir(), 'dm-build-inputs-prev-'));
  put('package.json', JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'node scripts/build.mjs' } }));
  put('package-lock.json', '{}');
  put('scripts/build.mjs', '');
  put('scripts/build-inputs.mjs', '');
  put('src/main.ts', 'import "dep";');
  put('node_modules/dep/index.js', 'export const a = 1;');
  const ids = [join(dir, 'src/main.ts'), join(dir, 'node_modules/dep/index.js'), 'node:fs', '\0virtual'];
  writeFileSync(join(prev, MANIFEST), JSON.stringify(inputsManifest(dir, ids, ['main.js'])));
  writeFileSync(join(prev, 'main.js'), '');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(prev, { recursive: true, force: true });
});

it('an unchanged tree is reusable, whatever the version in package.json says', () => {
  expect(whyNotReusable(dir, prev)).toBeNull();
  put('package.json', JSON.stringify({ name: 'x', version: '2.0.0', scripts: { build: 'node scripts/build.mjs' } }));
  expect(whyNotReusable(dir, prev)).toBeNull();
});

it('a bundled package file, package.json beyond its version, the lockfile or a missing output each rule it out', () => {
  put('node_modules/dep/index.js', 'export const a = 2;');
  expect(whyNotReusable(dir, prev)).toBe('node_modules/dep/index.js changed');
  put('node_modules/dep/index.js', 'export const a = 1;');
  put('package.json', JSON.stringify({ name: 'x', version: '1.0.0', type: 'module' }));
  expect(whyNotReusable(dir, prev)).toBe('package.json changed');
  put('package.json', JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'node scripts/build.mjs' } }));
  put('package-lock.json', '{"v":2}');
  expect(whyNotReusable(dir, prev)).toBe('package-lock.json changed');
  put('package-lock.json', '{}');
  rmSync(join(prev, 'main.js'));
  expect(whyNotReusable(dir, prev)).toMatch(/main\.js is missing/);
});

it('a build under another NODE_ENV is not reused', () => {
  expect(whyNotReusable(dir, prev, { ...process.env, NODE_ENV: 'development' })).toMatch(/build environment differs/);
});

it('a build under another VITE_ variable, or with an env file added, is not reused (they fill import.meta.env)', () => {
  expect(whyNotReusable(dir, prev, { ...process.env, VITE_PROBE: 'x' })).toMatch(/build environment differs/);
  put('.env.local', 'VITE_PROBE=x\n');
  try {
    expect(whyNotReusable(dir, prev)).toMatch(/build environment differs/);
  } finally {
    rmSync(join(dir, '.env.local'));
  }
  expect(whyNotReusable(dir, prev)).toBeNull();
});

it('a bundle that read a file outside the project is never reused', () => {
  writeFileSync(join(prev, MANIFEST), JSON.stringify(inputsManifest(dir, ['/elsewhere/x.ts'], [])));
  expect(whyNotReusable(dir, prev)).toMatch(/outside the project/);
});

it('npm run build runs the build script directly only when package.json says exactly that', () => {
  expect(directBuild(['npm', 'run', 'build'], dir)).toEqual(['node', 'scripts/build.mjs']);
  put('package.json', JSON.stringify({ scripts: { build: 'node scripts/build.mjs && echo more' } }));
  expect(directBuild(['npm', 'run', 'build'], dir)).toEqual(['npm', 'run', 'build']);
  expect(directBuild(['make', 'all'], dir)).toEqual(['make', 'all']);
});

it('a recorded module that became a folder, or a recorded folder that became a file, rules reuse out instead of failing the build', () => {
  rmSync(join(dir, 'src/main.ts'));
  put('src/main.ts/index.ts', 'export {};');
  expect(whyNotReusable(dir, prev)).toBe('src/main.ts changed');
  rmSync(join(dir, 'src'), { recursive: true });
  put('src', 'a file now');
  expect(whyNotReusable(dir, prev)).toBe('src/main.ts changed');
  // Only the folder listing can tell: a recorded folder now a file, its recorded module left out of the check.
  const m = JSON.parse(readFileSync(join(prev, MANIFEST), 'utf8')) as { files: Record<string, string> };
  delete m.files['src/main.ts'];
  writeFileSync(join(prev, MANIFEST), JSON.stringify(m));
  expect(whyNotReusable(dir, prev)).toBe('files were added or removed in src/');
});
