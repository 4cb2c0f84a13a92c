// settings.json is the user's file too: they may edit it while the app runs. Polled with fs.watchFile:
// an editor that saves by writing a new file and renaming it over the old one leaves fs.watch on the
// file following the old inode. A stat per second is cheap, and non-persistent: it never holds the process.
import { unwatchFile, watchFile, type Stats } from 'node:fs';

const POLL_MS = 1000;

/** Calls `changed` after each change of `file` (written or replaced, not deleted); the returned function stops it. */
export function watchSettingsFile(file: string, changed: () => void): () => void {
  const listener = (now: Stats, before: Stats) => {
    // Gone (all fields zero): reading now would make conf recreate the folder, say of a profile being deleted.
    if (now.nlink === 0) return;
    if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.size !== before.size) changed();
  };
  watchFile(file, { persistent: false, interval: POLL_MS }, listener);
  return () => unwatchFile(file, listener);
}
