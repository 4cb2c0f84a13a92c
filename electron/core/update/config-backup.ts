// A ConfigBackup over plain files: one folder per snapshot with a manifest of hashes, the newest
// `keep` kept. For settings files (settings.json, .env…) wherever they live.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../fs-modes.js';
import type { ConfigBackup } from './types.js';

/**
 * What an update snapshots: settings, the bot token (plain or encrypted) and the headless panel's access
 * token (bookmarked panel URLs keep working), plus the app folder's .env. Not notices.json: the running
 * app writes it during the update (a notice raised, one dismissed), and restoring it undid that.
 */
export function appConfigFiles(o: { settingsFile: string; dataDir: string; appDir: string }): string[] {
  return [o.settingsFile, ...['token', 'token.enc', 'access-token'].map((f) => join(o.dataDir, f)), join(o.appDir, '.env')];
}

export interface FileConfigBackupOptions {
  /** Absolute paths of the files to protect; a missing one is simply not part of the snapshot. */
  files: string[];
  /** One sub-folder per snapshot is created here. */
  backupDir: string;
  /** Snapshots kept; older ones are deleted after each new one. */
  keep?: number;
}

interface ManifestItem {
  source: string;
  copy: string;
  sha256: string;
}
const MANIFEST = 'manifest.json';

const hashOf = async (path: string): Promise<string | null> => {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return null;
  }
};

async function readManifest(dir: string): Promise<ManifestItem[]> {
  return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as ManifestItem[];
}

export function createFileConfigBackup(opts: FileConfigBackupOptions): ConfigBackup {
  const keep = opts.keep ?? 10;
  let last: string | null = null;

  async function prune(): Promise<void> {
    const dirs = (await readdir(opts.backupDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    // Names start with an ISO timestamp, so name order is age order.
    for (const old of dirs.sort().slice(0, Math.max(0, dirs.length - keep))) {
      await rm(join(opts.backupDir, old), { recursive: true, force: true });
    }
  }

  return {
    async snapshot() {
      const dir = join(opts.backupDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
      // Copies of settings and tokens: private, whatever the mode of the original (.env is often 0644).
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
      const manifest: ManifestItem[] = [];
      for (const [i, source] of opts.files.entries()) {
        const sha256 = await hashOf(source);
        if (sha256 === null) continue;
        const copy = `${i}-${basename(source)}`;
        await copyFile(source, join(dir, copy));
        await chmod(join(dir, copy), PRIVATE_FILE);
        manifest.push({ source, copy, sha256 });
      }
      await writeFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2), { mode: PRIVATE_FILE });
      last = dir;
      await prune();
      return dir;
    },

    /** Every file of the last snapshot is present with the same content (nothing may change them mid-update). */
    async verify(snapshotPath) {
      const dir = snapshotPath ?? last;
      if (!dir) return true;
      for (const item of await readManifest(dir)) if ((await hashOf(item.source)) !== item.sha256) return false;
      return true;
    },

    async restore(snapshotPath) {
      for (const item of await readManifest(snapshotPath)) {
        await mkdir(dirname(item.source), { recursive: true });
        const tmp = `${item.source}.restore-${randomBytes(3).toString('hex')}`;
        await copyFile(join(snapshotPath, item.copy), tmp);
        await rename(tmp, item.source);
      }
    },
  };
}
