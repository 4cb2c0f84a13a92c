// A commit's files as the update's build will see them: the release is built from `git archive` of the
// commit (release-prepare.ts), which applies .gitattributes and eol settings, so file contents are
// exported the same way rather than read as blobs; folder listings come from the commit's tree.
import { execFile } from 'node:child_process';
import { withoutSecrets } from './child-env.js';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

export interface TreeEntry {
  name: string;
  /** git's mode: 040000 a folder, 120000 a symlink, 160000 a submodule, else a file. */
  mode: string;
  oid: string;
}

export interface CommitTree {
  /** Entries directly in a folder ('.' the top), or undefined when the commit has no such folder. */
  children(dir: string): TreeEntry[] | undefined;
  /** The entry at a path, or undefined. */
  entry(path: string): (TreeEntry & { path: string }) | undefined;
  /** A blob's bytes (a symlink's target). */
  blob(oid: string): Promise<Buffer>;
}

export async function readTree(appDir: string, commit: string, timeoutMs: number): Promise<CommitTree> {
  const { stdout } = await execFileP('git', ['ls-tree', '-r', '-t', '-z', '--full-tree', commit], { cwd: appDir, timeout: timeoutMs, maxBuffer: MAX_BUFFER, env: withoutSecrets() });
  const byDir = new Map<string, TreeEntry[]>([['.', []]]);
  const byPath = new Map<string, TreeEntry & { path: string }>();
  for (const record of stdout.split('\0')) {
    const m = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (!m) continue;
    const [, mode, oid, path] = m as unknown as [string, string, string, string];
    const dir = dirname(path);
    const e = { name: path.slice(dir === '.' ? 0 : dir.length + 1), mode, oid };
    byPath.set(path, { ...e, path });
    if (mode === '040000') byDir.set(path, byDir.get(path) ?? []);
    const list = byDir.get(dir) ?? [];
    list.push(e);
    byDir.set(dir, list);
  }
  return {
    children: (dir) => byDir.get(dir),
    entry: (path) => byPath.get(path),
    blob: async (oid) => (await execFileP('git', ['cat-file', 'blob', oid], { cwd: appDir, timeout: timeoutMs, encoding: 'buffer', maxBuffer: MAX_BUFFER, env: withoutSecrets() })).stdout,
  };
}

/**
 * Exports `paths` of `commit` into a temporary folder, as `git archive` writes them, for `use` to read;
 * the folder goes afterwards. Paths must exist in the commit (git refuses a pathspec matching nothing).
 */
export async function withExported<T>(appDir: string, commit: string, paths: string[], timeoutMs: number, use: (dir: string) => T): Promise<T> {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-update-plan-'));
  try {
    const out = join(tmp, 'files');
    mkdirSync(out);
    if (paths.length > 0) {
      const tar = join(tmp, 'files.tar');
      // Literal: a file name is never read as pathspec magic (`:(glob)…`).
      await execFileP('git', ['--literal-pathspecs', 'archive', '--format=tar', '-o', tar, commit, '--', ...paths], { cwd: appDir, timeout: timeoutMs, maxBuffer: MAX_BUFFER, env: withoutSecrets() });
      await execFileP('tar', ['-xf', tar, '-C', out], { timeout: timeoutMs, env: withoutSecrets() });
    }
    return use(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
