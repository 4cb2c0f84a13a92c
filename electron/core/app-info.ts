import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The build's own version and commit (scripts/build.mjs records them): the checkout may be half-way
// through an update (or back at another commit) while this build runs.
import { builtIdentity, ownBuildDir } from './update/release-layout.js';

/** Name from the app folder's package.json; version and commit from the build, else from the checkout. */
export function readAppIdentity(appDir: string, buildDir = ownBuildDir()): { name: string; version: string; commit: string | null } {
  let name = 'Discord Monitor';
  let version = '0.0.0';
  try {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { productName?: string; version?: string };
    name = pkg.productName ?? name;
    version = pkg.version ?? version;
  } catch {
    /* packaged without package.json beside: keep defaults */
  }
  const built = builtIdentity(buildDir);
  if (built) return { name, ...built };
  let commit: string | null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: appDir, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  return { name, version, commit };
}
