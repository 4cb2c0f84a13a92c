// Real disk faults for tests (we run as root): a tiny tmpfs to fill, read-only bind mounts. Every mount
// is recorded and undone by unmountAll(), whatever the test did.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const mounts: string[] = [];

export function mount(args: string[]): void {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`These tests need to mount a filesystem (run as root): mount ${args.join(' ')} failed: ${String(err)}`, { cause: err });
  }
  mounts.push(args.at(-1)!);
}

/** A small tmpfs at `dir` (which must exist). */
export const mountTmpfs = (dir: string, size = '6m'): void => mount(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);

/** `dir` mounted over itself read-only: every write under it gets EROFS. */
export const mountReadOnly = (dir: string): void => mount(['--bind', '-o', 'ro', dir, dir]);

/** Undoes the last mount (e.g. the folder writable again); lazily: a file an earlier run left open does not block it. */
export function unmountLast(): void {
  execFileSync('umount', ['-l', mounts.pop()!]);
}

export function unmountAll(): void {
  for (const m of mounts.splice(0).reverse()) execFileSync('umount', ['-l', m]);
}

/** Writes a file until the filesystem answers ENOSPC, then byte by byte so not even a small write fits; returns its path. */
export function fillDisk(dir: string): string {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const fill = (size: number) => {
    const block = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fd, block);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
  };
  fill(64 * 1024);
  fill(512);
  closeSync(fd);
  return file;
}
