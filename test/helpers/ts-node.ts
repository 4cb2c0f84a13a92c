// Node's flags to run the repository's TypeScript in a child process (a test's or a benchmark's): Node's
// own type stripping and ts-loader.mjs's resolve hook. No transpile cache to fill: jiti compiled the
// app's whole import graph first (14 s cold in a fresh clone, 28 s for two children under CI's load).
import { join } from 'node:path';

export const TS_NODE = ['--experimental-transform-types', '--no-warnings', '--import', join(import.meta.dirname, 'ts-loader.mjs')];
