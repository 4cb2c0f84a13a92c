// Preloaded (--import) into a process whose memory a benchmark or test reads: records which packages
// and package files (import and require alike) and which of the app's own files it loads, and on
// SIGUSR2 prints them with process.memoryUsage(), V8's heap spaces, the Intl formatters built, Node's own
// modules loaded and the malloc settings it runs with (after a full GC when --expose-gc is given) as one
// `memory-probe {json}` line on stderr.
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
// Intl formatters built (their first use maps ICU data in: several MiB of RSS).
const intl = {};
for (const name of ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'Collator', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) {
  const count = () => (intl[name] = (intl[name] ?? 0) + 1);
  Intl[name] = new Proxy(Intl[name], {
    construct: (target, args) => (count(), Reflect.construct(target, args)),
    apply: (target, self, args) => (count(), Reflect.apply(target, self, args)),
  });
}
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
  // Node's bundled undici is one of them: an ESM import of node:http loads it (its WebSocket getter).
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  const malloc = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MALLOC_')));
  const figures = { ...process.memoryUsage(), spaces, intl, builtins, malloc, packages: [...packages].sort(), packageFiles: [...packageFiles].sort(), files: [...files].sort() };
  process.stderr.write(`memory-probe ${JSON.stringify(figures)}\n`);
});
