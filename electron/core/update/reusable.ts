// The panel and preload outputs a release reuses from the running build, decided by folder: a git diff of
// their sources between the two commits. (The Node bundle decides exactly, from its recorded inputs:
// scripts/build-inputs.mjs.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';

/**
 * Outputs that can be reused, and the sources (plus the build's own inputs) that decide them.
 * package.json is left out on purpose: a release bumps its version, and dependencies are in the lockfile.
 */
// `:(glob).env*`: Vite's env files at the top (they fill import.meta.env), a git pathspec.
const COMMON = ['package-lock.json', 'scripts/build.mjs', 'tsconfig.json', 'tsconfig.base.json', ':(glob).env*'];
export const REUSABLE = {
  // The panel's config fills index.html's CSP <meta> from security-headers.ts (test/update/reuse-panel-inputs
  // checks every file the config imports is listed).
  renderer: { output: 'renderer', check: 'renderer/main_window/index.html', sources: ['renderer', 'shared', 'vite.renderer.config.ts', 'electron/headless/http/security-headers.ts', 'tsconfig.web.json', ...COMMON] },
  preload: { output: 'build/preload.cjs', check: 'build/preload.cjs', sources: ['electron/preload.ts', 'shared', 'tsconfig.node.json', ...COMMON] },
} as const;
export type Reusable = keyof typeof REUSABLE;

const unchanged = async (git: SimpleGit, a: string, b: string, paths: readonly string[]): Promise<boolean> =>
  (await git.raw(['diff', '--name-only', a, b, '--', ...paths])).trim() === '';

/** What the build will reuse rather than rebuild (the confirmation shows it before the update runs). */
export async function reusableOutputs(git: SimpleGit, from: string, to: string, runningVite: string | null): Promise<Reusable[]> {
  const specs = Object.entries(REUSABLE) as [Reusable, (typeof REUSABLE)[Reusable]][];
  // Both diffs at once: each is a git process start, on the update's critical path.
  const keep = await Promise.all(specs.map(async ([, spec]) => runningVite !== null && existsSync(join(runningVite, spec.check)) && (await unchanged(git, from, to, spec.sources))));
  return specs.filter((_, i) => keep[i]).map(([name]) => name);
}
