// The pipeline's release-mode steps: dependencies and build go into new folders, the self-test
// (standby) runs the new release's entry, and the switch is the last thing before the restart.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { ensureDeps } from './deps-store.js';
import { short } from './git.js';
import { lockfileDiffers, resolveTarget, targetSha } from './repo.js';
import { buildRelease, type Release } from './release.js';
import { discardPrepared, prepareRelease, type Prepared } from './release-prepare.js';
import { builtCommit, currentRelease, launchersInstalled, ownBuildDir, readReleaseInfo, releaseOf, releaseVite, RELEASES } from './release-layout.js';

export { ownBuildDir };
import { adoptPlainBuild, collectGarbage, switchCurrent, switchTo } from './switch.js';
import type { Command, UpdateCommands } from './types.js';
import { coreText } from '../../../shared/core-text.js';
import type { StepLog } from './steps.js';

/** Release-mode state of one update run. */
export interface ReleaseRun {
  /** The release this process runs from, or null when it runs a plain checkout's `.vite`. */
  running: string | null;
  depsHash: string | null;
  release: Release | null;
  /** The release `current` pointed at before the switch, once switched (a rollback switches back). */
  switchedFrom: string | null | undefined;
  /** The new release's files, being exported since the fetch (the build step awaits them). */
  prepared: Prepared | null;
}

export function startReleaseRun(buildDir = ownBuildDir()): ReleaseRun {
  return { running: buildDir ? releaseOf(buildDir) : null, depsHash: null, release: null, switchedFrom: undefined, prepared: null };
}

interface Ctx {
  git: SimpleGit;
  appDir: string;
  from: string;
  to: string;
  commands: UpdateCommands;
  timeouts: { install: number; build: number };
  env?: NodeJS.ProcessEnv;
  log: StepLog;
}

/** The running build: to reuse unchanged outputs from, and to keep through garbage collection. */
function runningBuild(r: ReleaseRun, c: Ctx): { vite: string; commit: string } | null {
  if (r.running) return { vite: releaseVite(c.appDir, r.running), commit: readReleaseInfo(join(c.appDir, '.releases', r.running))?.commit ?? r.running };
  if (launchersInstalled(c.appDir)) return null;
  // What .vite was built from, not the checkout's HEAD: a pull while the app runs moves HEAD, not the build.
  const vite = join(c.appDir, '.vite');
  const commit = builtCommit(vite);
  return commit ? { vite, commit } : null;
}

/**
 * `git clean -fd` and `git stash -u` would delete an untracked .releases/: it is excluded in
 * .git/info/exclude, which holds whatever commit a rollback goes back to (older ones lack the .gitignore line).
 */
export async function excludeReleases(git: SimpleGit, appDir: string): Promise<void> {
  const file = resolve(appDir, (await git.raw(['rev-parse', '--git-path', 'info/exclude'])).trim());
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.split('\n').includes(`/${RELEASES}/`)) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${text === '' || text.endsWith('\n') ? '' : '\n'}/${RELEASES}/\n`);
}

/** Starts exporting the new commit's files as soon as it is known, beside the steps before the build. */
export async function prepare(r: ReleaseRun, c: Ctx): Promise<void> {
  if (r.prepared?.commit === c.to) return;
  await discard(r);
  // Before the clean step, which would otherwise delete the folder being written.
  await excludeReleases(c.git, c.appDir);
  r.prepared = prepareRelease({ git: c.git, appDir: c.appDir, commit: c.to, running: runningBuild(r, c) });
}

/**
 * The check fetched the target already: its files are exported from the start of the update, beside
 * the steps before the fetch (≈0.3 s sooner). Speculative: the fetch step starts again if it finds another commit.
 */
export async function prepareEarly(r: ReleaseRun, c: Omit<Ctx, 'to'>, branch: string | undefined): Promise<void> {
  try {
    const to = await targetSha(c.git, await resolveTarget(c.git, branch));
    if (to !== c.from) await prepare(r, { ...c, to });
  } catch {
    // No target known yet (never checked, no upstream): the fetch step exports it.
  }
}

/** The update stops before the build: what `prepare` wrote goes. */
export const discard = (r: ReleaseRun): Promise<void> => discardPrepared(r.prepared).finally(() => (r.prepared = null));

export async function installDeps(r: ReleaseRun, c: Ctx): Promise<'reused' | 'linked' | 'installed'> {
  await excludeReleases(c.git, c.appDir);
  const keep = [r.running, c.from, r.prepared ? basename(r.prepared.staging) : null];
  collectGarbage(c.appDir, keep.filter((x): x is string => x !== null), c.log);
  // The plain checkout's node_modules matches the running version: linked when the lockfile is the same.
  const plain = r.running === null && !launchersInstalled(c.appDir) ? join(c.appDir, 'node_modules') : null;
  // Not `git diff --quiet`: simple-git resolves on its exit code 1 (no stderr), so a changed lockfile looked unchanged.
  const installed = plain && !(await lockfileDiffers(c.git, c.from, c.to)) ? plain : null;
  const { hash, made } = await ensureDeps({ git: c.git, appDir: c.appDir, commit: c.to, installed, install: c.commands.install, timeoutMs: c.timeouts.install, env: c.env, log: c.log });
  r.depsHash = hash;
  return made;
}

export async function build(r: ReleaseRun, c: Ctx): Promise<Release> {
  const started = performance.now();
  const prepared = r.prepared;
  r.prepared = null;
  r.release = await buildRelease(
    { git: c.git, appDir: c.appDir, commit: c.to, depsHash: r.depsHash as string, running: runningBuild(r, c), build: c.commands.build, timeoutMs: c.timeouts.build, env: c.env, log: c.log },
    prepared,
  );
  const built = { commit: short(c.to), seconds: Math.round((performance.now() - started) / 100) / 10 };
  c.log(r.release.reused.length ? coreText('update.line.releaseBuiltReused', { ...built, reused: r.release.reused.join(', ') }) : coreText('update.line.releaseBuilt', built));
  return r.release;
}

/** The self-test/standby command pointed at the new release instead of the running `.vite`. */
export function inRelease(cmd: Command, r: ReleaseRun): Command {
  if (!r.release) return cmd;
  const vite = r.release.vite;
  return cmd.map((arg) => (arg === '.vite' || arg.startsWith('.vite/') ? vite + arg.slice('.vite'.length) : arg)) as unknown as Command;
}

export async function switchRelease(r: ReleaseRun, c: Ctx): Promise<void> {
  if (!r.release) return;
  const before = currentRelease(c.appDir);
  const adopt = () => adoptPlainBuild({ git: c.git, appDir: c.appDir, commit: c.from, install: c.commands.install, timeoutMs: c.timeouts.install, log: c.log });
  await switchTo(c.appDir, r.release.name, adopt, c.log);
  r.switchedFrom = before ?? (launchersInstalled(c.appDir) && readReleaseInfo(join(c.appDir, '.releases', c.from)) ? c.from : null);
}

/** Undoes a switch (a later step failed): `current` goes back to the release that ran before. */
export function switchBack(r: ReleaseRun, appDir: string, log: StepLog): void {
  if (r.switchedFrom === undefined) return;
  if (r.switchedFrom === null) throw new Error('the previous build was not kept as a release; rebuild it');
  switchCurrent(appDir, r.switchedFrom);
  log(coreText('update.line.switchedBack', { commit: short(r.switchedFrom) }));
}
