// Where releases live. What runs is an immutable folder `.releases/<commit>/` (build output in
// `vite/`, `node_modules` → a shared, immutable deps folder); `.releases/current` points at one
// and is switched by a single rename. `.vite/build/<entry>.js` are fixed launchers that import
// through `current`, so service files keep running `node <app>/.vite/build/headless.js`.
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RELEASES = '.releases';
export const CURRENT = 'current';
/** The entries a service manager, npm script or Electron starts; each gets a launcher. */
export const ENTRIES = ['headless.js', 'demo.js', 'main.js'] as const;

export const releasesDir = (appDir: string): string => join(appDir, RELEASES);
export const releaseDir = (appDir: string, name: string): string => join(appDir, RELEASES, name);
export const depsDir = (appDir: string, hash: string): string => join(appDir, RELEASES, 'deps', hash);
/** The build output of a release (what `.vite` holds in a plain checkout). */
export const releaseVite = (appDir: string, name: string): string => join(releaseDir(appDir, name), 'vite');

/** Written into each release so a process (and boot recovery) knows what it runs. */
export interface ReleaseInfo {
  commit: string;
  lockHash: string;
  builtAt: string;
  /** Outputs copied from the release it was built beside, not rebuilt. */
  reused: string[];
}

/** A launcher: a fixed file that runs the same entry of the current release. */
export const launcherSource = (entry: string): string =>
  `// Written by the updater: runs the current release (see electron/core/update/release-layout.ts).\nawait import('../../${RELEASES}/${CURRENT}/vite/build/${entry}');\n`;

/** The release `current` points at, or null in a plain checkout (build output in a real .vite/). */
export function currentRelease(appDir: string): string | null {
  try {
    return basename(readlinkSync(join(releasesDir(appDir), CURRENT)));
  } catch {
    return null;
  }
}

/** True when `.vite/build/headless.js` is a launcher rather than a plain build. */
export function launchersInstalled(appDir: string): boolean {
  try {
    return readFileSync(join(appDir, '.vite', 'build', 'headless.js'), 'utf8') === launcherSource('headless.js');
  } catch {
    return false;
  }
}

export function readReleaseInfo(dir: string): ReleaseInfo | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as ReleaseInfo;
  } catch {
    return null;
  }
}

/**
 * The checkout a built entry belongs to, from the folder of the running built file: `.vite/build`
 * in a plain checkout, `.releases/<name>/vite/build` in a release (Node runs modules by their real path).
 */
export function appDirOf(buildDir: string): string {
  const abs = resolve(buildDir);
  const parts = abs.split(sep);
  const n = parts.length;
  if (n >= 4 && parts[n - 1] === 'build' && parts[n - 2] === 'vite' && parts[n - 4] === RELEASES) return parts.slice(0, n - 4).join(sep) || sep;
  return resolve(abs, '..', '..');
}

/** The release a built entry runs from (its folder name), or null for a plain checkout's `.vite`. */
export function releaseOf(buildDir: string): string | null {
  const abs = resolve(buildDir);
  return basename(dirname(dirname(abs))) !== '' && basename(dirname(dirname(dirname(abs)))) === RELEASES ? basename(dirname(dirname(abs))) : null;
}

/** The folder of the built file this code runs from (`…/build`), or null when run from source. */
export function ownBuildDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  if (basename(dir) === 'chunks') dir = dirname(dir);
  return basename(dir) === 'build' ? dir : null;
}

/** Written by scripts/build.mjs beside the entries: what this build is, whatever the checkout says meanwhile. */
export const IDENTITY_FILE = 'app-identity.json';

/** Version and commit a build folder (`.vite/build`) records in its identity file, or null when it does not say. */
export function builtIdentity(buildDir: string | null): { version: string; commit: string | null } | null {
  if (!buildDir) return null;
  try {
    const v = JSON.parse(readFileSync(join(buildDir, IDENTITY_FILE), 'utf8')) as { version?: unknown; commit?: unknown };
    return typeof v.version === 'string' ? { version: v.version, commit: typeof v.commit === 'string' ? v.commit : null } : null;
  } catch {
    return null;
  }
}

/** The commit a build output folder (`.vite`) was made from, or null when it does not say. */
export function builtCommit(vite: string): string | null {
  const commit = builtIdentity(join(vite, 'build'))?.commit;
  return commit && /^[0-9a-f]{40}$/.test(commit) ? commit : null;
}

export const isSymlink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

export const exists = (path: string): boolean => existsSync(path);
