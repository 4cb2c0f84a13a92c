// Builds a new release beside the running one: the commit's files exported into a staging folder,
// built there with the release's own dependencies, and renamed to `.releases/<commit>` only when
// complete. Outputs whose sources did not change are hard-linked from the running build instead.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SimpleGit } from 'simple-git';
import { describe, runCommand } from './command.js';
import { short } from './git.js';
import { stagingName } from './deps-store.js';
import { readReleaseInfo, releaseDir, releasesDir, type ReleaseInfo } from './release-layout.js';
import type { Command } from './types.js';

const execFileP = promisify(execFile);

/**
 * Outputs that can be reused, and the sources (plus the build's own inputs) that decide them.
 * package.json is left out on purpose: a release bumps its version, and dependencies are in the lockfile.
 */
const COMMON = ['package-lock.json', 'scripts/build.mjs', 'tsconfig.json'];
export const REUSABLE = {
  renderer: { output: 'renderer', check: 'renderer/main_window/index.html', sources: ['renderer', 'shared', 'vite.renderer.config.ts', 'tsconfig.web.json', ...COMMON] },
  preload: { output: 'build/preload.cjs', check: 'build/preload.cjs', sources: ['electron/preload.ts', 'shared', 'tsconfig.node.json', ...COMMON] },
} as const;
export type Reusable = keyof typeof REUSABLE;

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
  log: (line: string) => void;
}

const unchanged = async (git: SimpleGit, a: string, b: string, paths: readonly string[]): Promise<boolean> =>
  (await git.raw(['diff', '--name-only', a, b, '--', ...paths])).trim() === '';

/** What the build will reuse rather than rebuild (the confirmation shows it before the update runs). */
export async function reusableOutputs(git: SimpleGit, from: string, to: string, runningVite: string | null): Promise<Reusable[]> {
  const out: Reusable[] = [];
  for (const [name, spec] of Object.entries(REUSABLE) as [Reusable, (typeof REUSABLE)[Reusable]][]) {
    if (runningVite && existsSync(join(runningVite, spec.check)) && (await unchanged(git, from, to, spec.sources))) out.push(name);
  }
  return out;
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

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

export async function buildRelease(o: BuildReleaseOptions): Promise<Release> {
  const final = releaseDir(o.appDir, o.commit);
  const existing = readReleaseInfo(final);
  if (existing && existing.lockHash === o.depsHash) {
    o.log(`Release ${short(o.commit)} is already built (${existing.builtAt}); reused.`);
    return { name: o.commit, dir: final, vite: join(final, 'vite'), reused: [] };
  }
  const staging = stagingName(final);
  const src = join(staging, 'src');
  const vite = join(staging, 'vite');
  mkdirSync(src, { recursive: true });
  try {
    symlinkSync(join('..', 'deps', o.depsHash, 'node_modules'), join(staging, 'node_modules'));
    // The commit's files, not the checkout's: a half-reset checkout cannot end up in a build.
    let t = performance.now();
    await execFileP('git', ['archive', '--format=tar', '-o', join(staging, 'src.tar'), o.commit], { cwd: o.appDir });
    await execFileP('tar', ['-xf', join(staging, 'src.tar'), '-C', src]);
    symlinkSync(join('..', 'node_modules'), join(src, 'node_modules'));
    o.log(`Files of ${short(o.commit)} exported in ${seconds(t)}.`);

    const reused = o.running ? await reusableOutputs(o.git, o.running.commit, o.commit, o.running.vite) : [];
    for (const name of reused) {
      const output = REUSABLE[name].output;
      mkdirSync(join(vite, output, '..'), { recursive: true });
      await execFileP('cp', ['-al', join((o.running as { vite: string }).vite, output), join(vite, output)]);
      o.log(`The ${name} did not change since ${short((o.running as { commit: string }).commit)}: reused, not rebuilt.`);
    }
    const cmd = directBuild(o.build, src);
    o.log(`$ ${describe(cmd)} (into a new release folder; the running build is not touched)`);
    t = performance.now();
    await runCommand(cmd, {
      cwd: src,
      timeoutMs: o.timeoutMs,
      onLine: o.log,
      // The Node bundle is linked from the running build when none of its recorded inputs changed (scripts/build-inputs.mjs).
      env: { ...(o.env ?? process.env), DM_BUILD_OUT: vite, DM_BUILD_SKIP: reused.join(','), DM_BUILD_COMMIT: o.commit, ...(o.running ? { DM_BUILD_REUSE_FROM: o.running.vite } : {}) },
    });
    o.log(`${describe(cmd)} took ${seconds(t)}.`);
    if (!existsSync(join(vite, 'build', 'headless.js'))) throw new Error(`${describe(cmd)} finished but wrote no build/headless.js`);
    const info: ReleaseInfo = { commit: o.commit, lockHash: o.depsHash, builtAt: new Date().toISOString(), reused };
    writeFileSync(join(staging, 'release.json'), `${JSON.stringify(info, null, 2)}\n`);
    // The sources go aside by one rename and are deleted meanwhile (a kill leaves a staging name, which the next GC removes).
    const aside = `${join(releasesDir(o.appDir), 'src')}.tmp-${process.pid}-${Date.now()}`;
    renameSync(src, aside);
    void rm(aside, { recursive: true, force: true }).catch(() => undefined);
    rmSync(join(staging, 'src.tar'), { force: true });
    rmSync(join(staging, '.build-cache'), { recursive: true, force: true });
    // A leftover without release.json is an incomplete folder from an older attempt.
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
    return { name: o.commit, dir: final, vite: join(final, 'vite'), reused };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
