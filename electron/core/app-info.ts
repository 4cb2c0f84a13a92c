import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name and version from the app folder's package.json; commit from its git checkout, if it is one. */
export function readAppIdentity(appDir: string): { name: string; version: string; commit: string | null } {
  let name = 'Discord Monitor';
  let version = '0.0.0';
  try {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { productName?: string; version?: string };
    name = pkg.productName ?? name;
    version = pkg.version ?? version;
  } catch {
    /* packaged without package.json beside: keep defaults */
  }
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
