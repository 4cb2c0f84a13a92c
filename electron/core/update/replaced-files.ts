// Files a `git reset --hard <target>` replaces although no stash holds them: on disk, not tracked by
// HEAD (ignored here, so `stash -u` skipped them; or written while the update ran), tracked by the
// target. E.g. a config/local.json the old .gitignore ignored and the new version ships. They are
// copied into a folder before the reset; going back to the commit that did not track them copies them back.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { SimpleGit } from 'simple-git';

/** One folder per update (its journal id): boot recovery finds it after a kill without a journal field. */
export const replacedFilesDir = (dataDir: string, id: string): string => join(dataDir, 'update-replaced-files', id);

const quote = (path: string): string => `'${path.replace(/'/g, `'\\''`)}'`;

/** The command that copies a kept folder back over the checkout, for the user's log. */
export const copyBackCommand = (dir: string, appDir: string): string => `cp -a ${quote(`${dir}/.`)} ${quote(`${appDir}/`)}`;

/**
 * What on disk stands where the target puts `path`: the path itself (a file, a link, or a folder the
 * target's file replaces, with everything in it), or the nearest parent that is a file where the target
 * needs a folder (lstat says ENOTDIR: it made every such update fail at its reset). Null: nothing there.
 */
function inTheWay(appDir: string, path: string): string | null {
  for (let at = path; at !== '.' && at !== ''; at = dirname(at)) {
    try {
      const st = lstatSync(join(appDir, at), { throwIfNoEntry: false });
      if (st === undefined) return null;
      return at === path || !st.isDirectory() ? at : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    }
  }
  return null;
}

/** Paths the target adds over HEAD where something stands on disk: the only ones a reset can replace unstashed. */
export async function filesTheResetReplaces(git: SimpleGit, appDir: string, target: string): Promise<string[]> {
  const out = await git.raw(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=A', 'HEAD', target, '--']);
  const found = new Set<string>();
  for (const path of out.split('\0')) {
    const hit = path === '' ? null : inTheWay(appDir, path);
    if (hit !== null) found.add(hit);
  }
  return [...found];
}

/** Files copied aside before a reset, and the folder that holds them. */
export interface ReplacedFiles {
  dir: string;
  files: string[];
}

/**
 * Copies those files into `dir` (or `dir-2`, … when taken: a copy is never overwritten) through a staging
 * folder renamed into place, so a kill leaves the whole copy or none; the originals stay until the reset.
 */
export async function copyReplacedFiles(git: SimpleGit, appDir: string, target: string, dir: string): Promise<ReplacedFiles | null> {
  const files = await filesTheResetReplaces(git, appDir, target);
  if (files.length === 0) return null;
  let free = dir;
  for (let n = 2; existsSync(free); n++) free = `${dir}-${n}`;
  const staging = `${free}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    cpSync(join(appDir, file), join(staging, file), { preserveTimestamps: true, verbatimSymlinks: true, recursive: true });
  }
  renameSync(staging, free);
  return { dir: free, files };
}

const sameFile = (a: string, b: string): boolean => {
  const sa = lstatSync(a);
  const sb = lstatSync(b);
  if (sa.isSymbolicLink() || sb.isSymbolicLink()) return false;
  return readFileSync(a).equals(readFileSync(b));
};

/** The files a kept folder holds, relative to it. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * After the reset back to the commit that did not track them: copies each kept file back where nothing
 * is (another file there now is someone's newer work: it is left, `left` names it, the copy stays in `dir`).
 */
export function putReplacedFilesBack(dir: string, appDir: string): { back: string[]; left: string[] } {
  const back: string[] = [];
  const left: string[] = [];
  for (const file of filesIn(dir)) {
    const to = join(appDir, file);
    if (lstatSync(to, { throwIfNoEntry: false }) === undefined) {
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(dir, file), to, { preserveTimestamps: true, verbatimSymlinks: true });
      back.push(file);
    } else if (!sameFile(join(dir, file), to)) left.push(file);
    // The same file there: the reset never ran (killed just before it), nothing to say.
  }
  return { back, left };
}
