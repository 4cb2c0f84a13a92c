// Keeps <data dir>/compile-cache from growing with every update: each release adds entries for its own
// chunks (new paths), each lockfile change ≈700 for its deps folder, each Node version or V8 flag set a
// new subfolder; Node never removes any. Run once the app is up, off the start's path.
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** 4 MiB is one full set of entries: room for a few dozen releases before starting over. */
export const COMPILE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Removes the subfolders other than `active` (the one this process uses, module.getCompileCacheDir()),
 * and empties `active` itself when it holds more than `maxBytes` (entries in use are not told apart
 * from stale ones: the next start writes again just what it loads). Returns what it removed; never throws.
 */
export async function pruneCompileCache(active: string, maxBytes = COMPILE_CACHE_MAX_BYTES): Promise<string[]> {
  const root = dirname(active);
  const removed: string[] = [];
  const remove = async (path: string) => {
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Read-only or busy: the next start tries again.
    }
  };
  try {
    for (const name of await readdir(root)) if (name !== basename(active)) await remove(join(root, name));
    const files = await readdir(active);
    let bytes = 0;
    for (const name of files) bytes += await stat(join(active, name)).then((s) => s.size, () => 0);
    if (bytes > maxBytes) for (const name of files) await remove(join(active, name));
  } catch {
    // No folder (nothing written yet) or unreadable: nothing to do.
  }
  return removed;
}
