// Builds a new release beside the running one: the commit's files exported into a staging folder,
// built there with the release's own dependencies, and renamed to `.releases/<commit>` only when
// complete. Outputs whose sources did not change are hard-linked from the running build instead.
import { existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { describe, runCommand } from './command.js';
import { short } from './git.js';
import { linkOutputs, whyNotReusable, writeIdentity } from '../../../scripts/build-inputs.mjs';
import { discardPrepared, prepareRelease, type Prepared } from './release-prepare.js';
import { readReleaseInfo, releaseDir, releasesDir, type ReleaseInfo } from './release-layout.js';
import type { Reusable } from './reusable.js';
import type { Command } from './types.js';
import { coreText } from '../../../shared/core-text.js';
import type { StepLog } from './steps.js';

export { REUSABLE, reusableOutputs, type Reusable } from './reusable.js';

export interface Release {
  name: string;
  dir: string;
  /** The build output (what `.vite` holds in a plain checkout). */
  vite: string;
  reused: Reusable[];
}

export interface BuildReleaseOptions {
  git: SimpleGit;
  appDir: string;
  commit: string;
  depsHash: string;
  /** The running build's output folder and the commit it was built from, to reuse unchanged parts. */
  running: { vite: string; commit: string } | null;
  build: Command;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  log: StepLog;
}

/**
 * `npm run build` is `node scripts/build.mjs` run through npm, whose own start costs ≈0.3 s of a
 * 1-2 s build: run the script directly when the release's package.json says exactly that.
 */
export function directBuild(cmd: Command, src: string): Command {
  if (cmd.join(' ') !== 'npm run build') return cmd;
  try {
    const script = (JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as { scripts?: { build?: unknown } }).scripts?.build;
    return script === 'node scripts/build.mjs' ? ['node', 'scripts/build.mjs'] : cmd;
  } catch {
    return cmd;
  }
}

/** The project's own build script, with the panel and preload reused and the Node bundle's recorded inputs all unchanged. */
function nothingToBuild(cmd: Command, reused: Reusable[], src: string, runningVite: string, env: NodeJS.ProcessEnv): boolean {
  const ownScript = cmd.length === 2 && (cmd[0] === 'node' || cmd[0] === process.execPath) && cmd[1] === 'scripts/build.mjs';
  if (!ownScript || !reused.includes('renderer') || !reused.includes('preload')) return false;
  return whyNotReusable(src, join(runningVite, 'build'), env) === null;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

export async function buildRelease(o: BuildReleaseOptions, prepared: Prepared | null = null): Promise<Release> {
  const final = releaseDir(o.appDir, o.commit);
  const existing = readReleaseInfo(final);
  if (existing && existing.lockHash === o.depsHash) {
    await discardPrepared(prepared);
    o.log(coreText('update.line.releaseAlreadyBuilt', { commit: short(o.commit), builtAt: existing.builtAt }));
    return { name: o.commit, dir: final, vite: join(final, 'vite'), reused: [] };
  }
  const p = prepared?.commit === o.commit ? prepared : prepareRelease(o);
  if (p !== prepared) await discardPrepared(prepared);
  const { staging, src, vite } = p;
  try {
    const { reused, lines } = await p.ready;
    lines.forEach(o.log);
    symlinkSync(join('..', 'deps', o.depsHash, 'node_modules'), join(staging, 'node_modules'));
    const cmd = directBuild(o.build, src);
    const env = { ...(o.env ?? process.env), DM_BUILD_OUT: vite, DM_BUILD_SKIP: reused.join(','), DM_BUILD_COMMIT: o.commit, ...(o.running ? { DM_BUILD_REUSE_FROM: o.running.vite } : {}) };
    const t = performance.now();
    if (o.running && nothingToBuild(cmd, reused, src, o.running.vite, env)) {
      // What the build script would do, without starting it (≈0.1-0.3 s): its own code is among the unchanged inputs.
      const linked = linkOutputs(join(o.running.vite, 'build'), join(vite, 'build'));
      writeIdentity(join(vite, 'build'), src, o.commit);
      o.log(`Nothing to build: none of the Node bundle's inputs changed either; its ${linked} files linked from ${short(o.running.commit)} in ${seconds(t)}.`);
    } else {
      o.log(`$ ${describe(cmd)} (into a new release folder; the running build is not touched)`);
      // The Node bundle is linked from the running build when none of its recorded inputs changed (scripts/build-inputs.mjs).
      await runCommand(cmd, { cwd: src, timeoutMs: o.timeoutMs, onLine: o.log, env });
      o.log(`${describe(cmd)} took ${seconds(t)}.`);
    }
    if (!existsSync(join(vite, 'build', 'headless.js'))) throw new Error(`${describe(cmd)} finished but wrote no build/headless.js`);
    const info: ReleaseInfo = { commit: o.commit, lockHash: o.depsHash, builtAt: new Date().toISOString(), reused };
    writeFileSync(join(staging, 'release.json'), `${JSON.stringify(info, null, 2)}\n`);
    // The sources go aside by one rename and are deleted meanwhile (a kill leaves a staging name, which the next GC removes).
    const aside = `${join(releasesDir(o.appDir), 'src')}.tmp-${process.pid}-${Date.now()}`;
    renameSync(src, aside);
    void rm(aside, { recursive: true, force: true }).catch(() => undefined);
    rmSync(join(staging, '.build-cache'), { recursive: true, force: true });
    // A leftover without release.json is an incomplete folder from an older attempt.
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
    return { name: o.commit, dir: final, vite: join(final, 'vite'), reused };
  } catch (err) {
    await discardPrepared(p);
    throw err;
  }
}
