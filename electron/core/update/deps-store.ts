// Dependencies by lockfile: `.releases/deps/<hash>/node_modules` is made once, complete, then
// never changed; releases link to it. An unchanged lockfile reuses the folder as-is (no copy).
// A new one is installed into a staging folder and renamed into place only when complete, so a
// kill mid-`npm ci` leaves only a staging folder to clean up — never a broken node_modules.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SimpleGit } from 'simple-git';
import { describe, runCommand } from './command.js';
import { LOCKFILE, fileAt } from './repo.js';
import { depsDir } from './release-layout.js';
import type { Command } from './types.js';
import { coreText } from '../../../shared/core-text.js';
import type { StepLog } from './steps.js';

const execFileP = promisify(execFile);

export const lockHash = (lockfile: string): string => createHash('sha256').update(lockfile).digest('hex').slice(0, 16);

export async function lockHashAt(git: SimpleGit, commit: string): Promise<string> {
  return lockHash(await fileAt(git, commit, LOCKFILE));
}

/** A name no other process uses: staging folders of a killed run are recognised and removed. */
export const stagingName = (final: string): string => `${final}.tmp-${process.pid}-${Date.now()}`;

export interface EnsureDepsOptions {
  git: SimpleGit;
  appDir: string;
  /** The commit whose lockfile the deps must match. */
  commit: string;
  /**
   * A node_modules known to match that lockfile (the plain checkout's, when the running version
   * was installed the README way): hard-linked, never moved or changed.
   */
  installed: string | null;
  install: Command;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  log: StepLog;
}

/** Makes sure the deps folder for `commit`'s lockfile exists; returns its hash. */
export async function ensureDeps(o: EnsureDepsOptions): Promise<{ hash: string; made: 'reused' | 'linked' | 'installed' }> {
  const lock = await fileAt(o.git, o.commit, LOCKFILE);
  const hash = lockHash(lock);
  const final = depsDir(o.appDir, hash);
  if (existsSync(join(final, 'node_modules'))) {
    o.log(coreText('update.line.depsReused', { hash }));
    return { hash, made: 'reused' };
  }
  const staging = stagingName(final);
  mkdirSync(staging, { recursive: true });
  try {
    let made: 'linked' | 'installed';
    if (o.installed && existsSync(o.installed) && !lstatSync(o.installed).isSymbolicLink()) {
      // Hard links: no data copied, and npm replaces files rather than writing into them.
      const started = Date.now();
      await execFileP('cp', ['-al', o.installed, join(staging, 'node_modules')]);
      o.log(coreText('update.line.depsLinked', { hash, seconds: Math.round((Date.now() - started) / 100) / 10 }));
      made = 'linked';
    } else {
      writeFileSync(join(staging, LOCKFILE), lock);
      writeFileSync(join(staging, 'package.json'), await fileAt(o.git, o.commit, 'package.json'));
      // The project's npm settings (registry, engine-strict…) apply to the install as they did in place.
      const npmrc = await fileAt(o.git, o.commit, '.npmrc');
      if (npmrc !== '') writeFileSync(join(staging, '.npmrc'), npmrc);
      o.log(`$ ${describe(o.install)} (in a staging folder; the running version's dependencies are not touched)`);
      await runCommand(o.install, { cwd: staging, timeoutMs: o.timeoutMs, onLine: o.log, env: o.env });
      if (!existsSync(join(staging, 'node_modules'))) throw new Error(`${describe(o.install)} finished but made no node_modules`);
      made = 'installed';
    }
    renameSync(staging, final);
    return { hash, made };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
