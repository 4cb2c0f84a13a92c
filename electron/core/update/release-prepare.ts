// The part of a release build that needs only the commit: its files exported into a staging folder and
// the unchanged panel/preload linked from the running build. It starts as soon as the fetch knows the
// commit and runs beside reset, clean and install-deps (≈0.3-0.5 s off the critical path); the build
// step awaits it. The staging name carries our pid: a kill leaves a folder the next GC removes.
import { execFile } from 'node:child_process';
import { withoutSecrets } from './child-env.js';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SimpleGit } from 'simple-git';
import { stagingName } from './deps-store.js';
import { short } from './git.js';
import { releaseDir } from './release-layout.js';
import { REUSABLE, reusableOutputs, type Reusable } from './reusable.js';

const execFileP = promisify(execFile);

export interface PrepareOptions {
  git: SimpleGit;
  appDir: string;
  commit: string;
  /** The running build's output folder and the commit it was built from, to reuse unchanged parts. */
  running: { vite: string; commit: string } | null;
}

export interface Prepared {
  commit: string;
  staging: string;
  src: string;
  vite: string;
  /** Settles once the files are out and the reused outputs linked; its lines are for the build step's log. */
  ready: Promise<{ reused: Reusable[]; lines: string[] }>;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

export function prepareRelease(o: PrepareOptions): Prepared {
  const staging = stagingName(releaseDir(o.appDir, o.commit));
  const src = join(staging, 'src');
  const vite = join(staging, 'vite');
  const lines: string[] = [];
  const exported = (async () => {
    const t = performance.now();
    mkdirSync(src, { recursive: true });
    // The commit's files, not the checkout's: a half-reset checkout cannot end up in a build.
    await execFileP('git', ['archive', '--format=tar', '-o', join(staging, 'src.tar'), o.commit], { cwd: o.appDir, env: withoutSecrets() });
    await execFileP('tar', ['-xf', join(staging, 'src.tar'), '-C', src], { env: withoutSecrets() });
    rmSync(join(staging, 'src.tar'), { force: true });
    symlinkSync(join('..', 'node_modules'), join(src, 'node_modules'));
    lines.push(`Files of ${short(o.commit)} exported in ${seconds(t)}.`);
  })();
  const linked = (async () => {
    const running = o.running;
    if (!running) return [];
    const reused = await reusableOutputs(o.git, running.commit, o.commit, running.vite);
    await Promise.all(
      reused.map(async (name) => {
        const output = REUSABLE[name].output;
        mkdirSync(join(vite, output, '..'), { recursive: true });
        await execFileP('cp', ['-al', join(running.vite, output), join(vite, output)], { env: withoutSecrets() });
        lines.push(`The ${name} did not change since ${short(running.commit)}: reused, not rebuilt.`);
      }),
    );
    return reused;
  })();
  // Both run to the end before anyone may remove the folder they write into.
  const ready = Promise.allSettled([exported, linked]).then(([e, l]) => {
    if (e.status === 'rejected') throw e.reason;
    if (l.status === 'rejected') throw l.reason;
    return { reused: l.value, lines };
  });
  ready.catch(() => undefined); // awaited by the build step, or by discardPrepared
  return { commit: o.commit, staging, src, vite, ready };
}

/** The update goes no further: the staging folder goes once nothing writes into it. */
export async function discardPrepared(p: Prepared | null): Promise<void> {
  if (!p) return;
  await p.ready.catch(() => undefined);
  rmSync(p.staging, { recursive: true, force: true });
}
