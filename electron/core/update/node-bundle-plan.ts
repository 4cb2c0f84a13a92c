// Will the update reuse the running Node bundle (.vite/build/*.js) or bundle again? The build decides from
// the inputs the running build recorded (scripts/build-inputs.mjs, whyNotReusable); the check predicts it
// the same way against the target commit's files. When it cannot tell it says "rebuilt": a plan promising
// a reuse the build then does not make would be wrong, the other way round only pessimistic.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeBundlePlan, NodeRebuildCause } from '../../../shared/types.js';
import { buildEnvOf, ENV_FILE, FORMAT, inputHash, listing, MANIFEST, RESOLVABLE } from '../../../scripts/build-inputs.mjs';
import { type CommitTree, readTree, withExported } from './commit-files.js';
import { lockHash } from './deps-store.js';
import { GIT_TIMEOUT_MS } from './git.js';
import { depsDir } from './release-layout.js';
import { LOCKFILE } from './repo.js';

/** Changed inputs the plan names; `changedCount` says how many in all. */
export const NAMED = 5;
const DEPS = 'node_modules/';

interface Manifest {
  format: number;
  outside: string | null;
  env: unknown;
  files: Record<string, string | null>;
  dirs: Record<string, string | null>;
  outputs: string[];
}

export interface NodeBundleOptions {
  appDir: string;
  /** The running build's output folder (`.vite`, or a release's `vite/`); null: nothing to reuse. */
  runningVite: string | null;
  target: string;
  /** The environment the build will run with. */
  env: NodeJS.ProcessEnv;
  /** The node_modules the update links for the target when no deps folder holds its lockfile yet (plain checkout, lockfile unchanged). */
  installedDeps: string | null;
  timeoutMs?: number;
}

export const rebuiltBecause = (cause: NodeRebuildCause): NodeBundlePlan => ({ reused: false, changed: [], changedCount: 0, folders: [], cause });

/** The running build's record, when the build could reuse it at all (its outputs still there). */
function readManifest(runningVite: string | null): Manifest | null {
  if (!runningVite) return null;
  const dir = join(runningVite, 'build');
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return m.format === FORMAT && m.outputs.every((f) => existsSync(join(dir, f))) ? m : null;
  } catch {
    return null;
  }
}

/**
 * What to export besides the recorded files: the listed folders' resolvable names and the env files at the
 * top, so their listings are read from what `git archive` writes (export-ignore leaves names out).
 */
function listedNames(tree: CommitTree, dirs: string[]): string[] {
  const names = dirs.flatMap((dir) => (tree.children(dir) ?? []).filter((e) => RESOLVABLE.test(e.name)).map((e) => (dir === '.' ? e.name : `${dir}/${e.name}`)));
  return [...names, ...(tree.children('.') ?? []).filter((e) => ENV_FILE.test(e.name)).map((e) => e.name)];
}

/** The lockfile as the update names its deps folder by it (ensureDeps: the committed blob, not the export). */
async function committedLockfile(tree: CommitTree): Promise<string | null> {
  const e = tree.entry(LOCKFILE);
  return e ? (await tree.blob(e.oid)).toString('utf8') : null;
}

const hashOf = (root: string, key: string, rel: string): string | null | undefined => {
  try {
    const path = join(root, rel);
    return existsSync(path) ? inputHash(key, readFileSync(path)) : null;
  } catch {
    return undefined; // unreadable: counted as changed
  }
};

/** The dependencies folder the build will read the bundled packages from, or null when it will be installed anew. */
function depsFor(o: NodeBundleOptions, lockfile: string | null): string | null {
  if (lockfile === null) return null;
  const store = join(depsDir(o.appDir, lockHash(lockfile)), 'node_modules');
  if (existsSync(store)) return store;
  return o.installedDeps && existsSync(o.installedDeps) && !lstatSync(o.installedDeps).isSymbolicLink() ? o.installedDeps : null;
}

export async function predictNodeBundle(o: NodeBundleOptions): Promise<NodeBundlePlan> {
  const m = readManifest(o.runningVite);
  if (!m) return rebuiltBecause('no-record');
  if (m.outside) return rebuiltBecause('outside');
  const timeoutMs = o.timeoutMs ?? GIT_TIMEOUT_MS;
  try {
    const tree = await readTree(o.appDir, o.target, timeoutMs);
    const own = Object.keys(m.files).filter((k) => !k.startsWith(DEPS));
    // Only files (or links) can be exported; a folder where a file was is a change.
    const present = own.filter((k) => tree.entry(k) !== undefined && tree.entry(k)?.mode !== '040000');
    const dirs = Object.keys(m.dirs);
    const paths = [...new Set([...present, ...listedNames(tree, dirs)])];
    const { changed, folders, rootNames } = await withExported(o.appDir, o.target, paths, timeoutMs, (dir) => ({
      changed: own.filter((k) => hashOf(dir, k, k) !== m.files[k]),
      folders: dirs.filter((d) => listing(dir, d) !== m.dirs[d]),
      rootNames: readdirSync(dir),
    }));
    const lockfile = await committedLockfile(tree);
    let depsUnknown = false;
    // A changed lockfile rebuilds anyway; otherwise the bundled packages are compared where the build will read them.
    if (!changed.includes(LOCKFILE)) {
      const deps = depsFor(o, lockfile);
      if (deps) changed.push(...Object.keys(m.files).filter((k) => k.startsWith(DEPS) && hashOf(deps, k, k.slice(DEPS.length)) !== m.files[k]));
      else depsUnknown = Object.keys(m.files).some((k) => k.startsWith(DEPS));
    }
    // Compared as the build compares it (JSON text: key order and undefined as null alike).
    const cause = JSON.stringify(m.env) !== JSON.stringify(buildEnvOf(o.env, rootNames)) ? 'env' : depsUnknown ? 'deps' : null;
    return { reused: cause === null && changed.length === 0 && folders.length === 0, changed: changed.slice(0, NAMED), changedCount: changed.length, folders, cause };
  } catch {
    return rebuiltBecause('unknown');
  }
}
