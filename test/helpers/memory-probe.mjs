// Preloaded (--import) into a process whose memory a benchmark or test reads: records which packages
// and package files (import and require alike) and which of the app's own files it loads, and on
// SIGUSR2 prints them with process.memoryUsage() and V8's heap spaces (after a full GC when
// --expose-gc is given) as one `memory-probe {json}` line on stderr.
import { registerHooks } from 'node:module';
import { getHeapSpaceStatistics } from 'node:v8';

const packages = new Set();
const packageFiles = new Set();
const files = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(resolved.url);
    if (pkg) {
      packages.add(pkg[1]);
      packageFiles.add(`${pkg[1]}/${pkg[2]}`);
    } else if (resolved.url.startsWith('file:')) files.add(resolved.url.replace(/^.*\//, ''));
    return resolved;
  },
});
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
  const figures = { ...process.memoryUsage(), spaces, packages: [...packages].sort(), packageFiles: [...packageFiles].sort(), files: [...files].sort() };
  process.stderr.write(`memory-probe ${JSON.stringify(figures)}\n`);
});
