// Tests that run the app as another user (nobody, as a service's `user=`) need that user to reach Node and
// the checkout. A clone under a folder closed to others (a `mktemp -d` parent is mode 0700) made them fail
// with a bare `spawn … EACCES`; this says which folder and what to do instead.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Throws, naming the folder, unless every folder above each path lets others through (o+x). */
export function assertReachableByOthers(user: string, ...paths: string[]): void {
  for (const path of paths) {
    for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `This test runs the app as user ${user}, who cannot reach ${path}: ${dir} is closed to other users (mode ${(statSync(dir).mode & 0o777).toString(8)}). ` +
            `Clone the checkout into a folder others may enter (chmod o+x ${dir}).`,
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}
