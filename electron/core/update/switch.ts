// The only moment what runs changes: `.releases/current` is replaced by one rename. Every step
// before it (adopting a plain checkout's build as a release, installing the launchers) leaves the
// same version running, so a kill at any point boots either the old version or the new, never a mix.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { SimpleGit } from 'simple-git';
import { pidAlive } from '../pid-alive.js';
import { ensureDeps, stagingName } from './deps-store.js';
import { short } from './git.js';
import { pauseAt } from './pause-point.js';
import { CURRENT, ENTRIES, currentRelease, launcherSource, launchersInstalled, readReleaseInfo, releaseDir, releasesDir, type ReleaseInfo } from './release-layout.js';
import type { Command } from './types.js';
import { coreText } from '../../../shared/core-text.js';
import type { StepLog } from './steps.js';

const execFileP = promisify(execFile);

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `current.tmp-<pid>-<time>`: the link a switch makes before renaming it over `current`. */
const TEMP_LINK = /^current\.tmp-(\d+)-\d+$/;

/**
 * Points `current` at a complete release, atomically (a symlink renamed over the old one).
 * `afterTempLink` runs between the two calls (tests stop the process there, as a kill would).
 */
export function switchCurrent(appDir: string, name: string, afterTempLink?: () => void): void {
  if (!readReleaseInfo(releaseDir(appDir, name))) throw new Error(`Release ${short(name)} is incomplete or missing; not switching to it`);
  const link = join(releasesDir(appDir), CURRENT);
  const temp = `${link}.tmp-${process.pid}-${Date.now()}`;
  symlinkSync(name, temp);
  afterTempLink?.();
  renameSync(temp, link);
  syncDir(releasesDir(appDir));
}

/** At boot: a switch killed between its two calls left `current` as it was and a stray temp link; removed. */
export function removeStrayLinks(appDir: string, log: (line: string) => void): void {
  if (!existsSync(releasesDir(appDir))) return;
  for (const name of readdirSync(releasesDir(appDir))) {
    const m = TEMP_LINK.exec(name);
    if (!m || (pidAlive(Number(m[1])) && Number(m[1]) !== process.pid)) continue;
    rmSync(join(releasesDir(appDir), name), { force: true });
    log(`Removed ${name}, left by a switch that was interrupted (current still points at ${currentRelease(appDir) ?? 'the plain build'}).`);
  }
}

/** Replaces `.vite/build/<entry>` with launchers through `current`, one atomic rename each. */
export function installLaunchers(appDir: string): void {
  const dir = join(appDir, '.vite', 'build');
  mkdirSync(dir, { recursive: true });
  for (const entry of ENTRIES) {
    const temp = join(dir, `${entry}.tmp-${process.pid}`);
    writeFileSync(temp, launcherSource(entry));
    renameSync(temp, join(dir, entry));
  }
  syncDir(dir);
}

export interface AdoptOptions {
  git: SimpleGit;
  appDir: string;
  /** The commit the plain build was made from (the running version). */
  commit: string;
  install: Command;
  timeoutMs: number;
  log: StepLog;
}

/**
 * A checkout installed the README way runs its build from a real `.vite/` with a real node_modules.
 * Both are hard-linked into a release (nothing is moved: the running process keeps its files), so
 * the version running now can be switched back to after the update.
 */
export async function adoptPlainBuild(o: AdoptOptions): Promise<string> {
  const final = releaseDir(o.appDir, o.commit);
  if (readReleaseInfo(final)) return o.commit;
  const { hash } = await ensureDeps({ git: o.git, appDir: o.appDir, commit: o.commit, installed: join(o.appDir, 'node_modules'), install: o.install, timeoutMs: o.timeoutMs, log: o.log });
  const staging = stagingName(final);
  mkdirSync(staging, { recursive: true });
  try {
    await execFileP('cp', ['-al', join(o.appDir, '.vite'), join(staging, 'vite')]);
    symlinkSync(join('..', 'deps', hash, 'node_modules'), join(staging, 'node_modules'));
    const info: ReleaseInfo = { commit: o.commit, lockHash: hash, builtAt: new Date().toISOString(), reused: ['adopted plain build'] };
    writeFileSync(join(staging, 'release.json'), `${JSON.stringify(info, null, 2)}\n`);
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  o.log(coreText('update.line.keptAsRelease', { commit: short(o.commit) }));
  return o.commit;
}

/** Makes `name` what runs from now on; a plain checkout is first turned into releases, running the same version. */
export async function switchTo(
  appDir: string,
  name: string,
  adopt: () => Promise<string | null>,
  log: StepLog,
  /** Called after each change on disk (tests start the app there, as a crash would leave it). */
  onState: (state: string) => void = () => undefined,
): Promise<void> {
  if (!launchersInstalled(appDir)) {
    const previous = await adopt();
    onState('adopted');
    if (previous) switchCurrent(appDir, previous);
    onState('current at the running version');
    installLaunchers(appDir);
    onState('launchers installed');
    log(coreText('update.line.launchersInstalled'));
  }
  const started = performance.now();
  switchCurrent(appDir, name);
  onState('switched');
  log(coreText('update.line.switched', { commit: short(name), ms: Math.round((performance.now() - started) * 10) / 10 }));
  await pauseAt('switched');
}

/** Removes releases and deps not kept, and staging folders of runs that died. Never the current release. */
export function collectGarbage(appDir: string, keep: readonly string[], log: (line: string) => void): void {
  const root = releasesDir(appDir);
  if (!existsSync(root)) return;
  const current = currentRelease(appDir);
  const kept = new Set([...keep, ...(current ? [current] : [])]);
  const stale = (name: string) => {
    const m = /\.tmp-(\d+)-\d+$/.exec(name);
    return m ? !pidAlive(Number(m[1])) || Number(m[1]) === process.pid : null;
  };
  const usedDeps = new Set<string>();
  for (const name of readdirSync(root)) {
    if (name === 'deps' || name === CURRENT) continue;
    const tmp = stale(name);
    // A staging folder of this run (the new release's files being exported) is kept like a release.
    if (tmp === false || (tmp === true && kept.has(name))) continue;
    if (tmp === null && kept.has(name)) {
      const info = readReleaseInfo(join(root, name));
      if (info) usedDeps.add(info.lockHash);
      continue;
    }
    rmSync(join(root, name), { recursive: true, force: true });
    log(`Removed ${tmp ? 'an unfinished' : 'the old'} release folder ${basename(name).slice(0, 20)}.`);
  }
  const deps = join(root, 'deps');
  if (!existsSync(deps)) return;
  for (const name of readdirSync(deps)) {
    const tmp = stale(name);
    if (tmp === false || (tmp === null && usedDeps.has(name))) continue;
    rmSync(join(deps, name), { recursive: true, force: true });
    log(`Removed ${tmp ? 'an unfinished' : 'unused'} dependencies folder ${name.slice(0, 16)}.`);
  }
}
