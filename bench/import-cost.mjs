// What each package costs on its own: imported one after the other (argv order) into a fresh
// process run with --expose-gc; after each, a full GC and the growth of RSS and of the V8 heap.
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1).padStart(6);
const settle = () => {
  globalThis.gc();
  globalThis.gc();
};
settle();
let last = process.memoryUsage();
process.stdout.write(`${'node itself'.padEnd(28)} RSS ${mib(last.rss)}  heap ${mib(last.heapUsed)}\n`);
for (const name of process.argv.slice(2)) {
  await import(name);
  settle();
  const now = process.memoryUsage();
  process.stdout.write(`${name.padEnd(28)} RSS +${mib(now.rss - last.rss)}  heap +${mib(now.heapUsed - last.heapUsed)}\n`);
  last = now;
}
process.stdout.write(`${'total'.padEnd(28)} RSS ${mib(last.rss)}  heap ${mib(last.heapUsed)}\n`);
