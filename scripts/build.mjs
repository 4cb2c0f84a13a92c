// Production build without Electron Forge (Forge needs the Electron binary): the panel, the
// Node entries (headless, demo, Electron main) and the sandboxed preload, into .vite/ as Forge lays it out.
import { existsSync } from 'node:fs';
import { build } from 'vite';

const started = Date.now();
const outDir = '.vite/build';
const step = (name) => process.stdout.write(`build: ${name}…\n`);

step('panel (renderer)');
await build({ configFile: 'vite.renderer.config.ts', logLevel: 'warn' });

const entries = { headless: 'electron/headless/main.ts', demo: 'electron/headless/demo.ts' };
if (existsSync('electron/main.ts')) entries.main = 'electron/main.ts';
step(`node entries (${Object.keys(entries).join(', ')})`);
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node22',
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: entries,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

if (existsSync('electron/preload.ts')) {
  step('preload (sandboxed: one CommonJS file, only `electron` external)');
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir: false,
      rollupOptions: { input: { preload: 'electron/preload.ts' }, external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  });
}
process.stdout.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
