// Production build without Electron Forge (Forge needs the Electron binary): the panel, the
// Node entries (headless, demo, Electron main) and the sandboxed preload, into .vite/ as Forge lays it out.
// DM_BUILD_OUT=<dir> builds into <dir>/build and <dir>/renderer instead (the updater builds a new
// release there, never over the running one); DM_BUILD_SKIP=renderer,preload leaves those out
// (the updater reuses the running release's copy when their sources did not change);
// DM_BUILD_REUSE_FROM=<running build's dir> hard-links its Node bundle when none of its recorded inputs
// changed (build-inputs.mjs), instead of bundling again.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputsManifest, linkOutputs, MANIFEST, whyNotReusable, writeIdentity } from './build-inputs.mjs';

const started = Date.now();
// As this build was asked for: Vite sets NODE_ENV once loaded, and the input manifest records it.
const askedEnv = { ...process.env };
const root = resolve(process.env.DM_BUILD_OUT || '.vite');
const outDir = join(root, 'build');
const skip = new Set((process.env.DM_BUILD_SKIP ?? '').split(',').filter(Boolean));
// Vite's cache must not land in node_modules: in a release it is a shared, immutable folder.
const cacheDir = process.env.DM_BUILD_OUT ? join(root, '..', '.build-cache') : undefined;
const timed = async (name, work) => {
  const t = Date.now();
  process.stdout.write(`build: ${name}…\n`);
  const result = await work();
  process.stdout.write(`build: ${name.split(' ')[0]} took ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  return result;
};
// Loaded only when something is bundled: importing Vite alone costs ≈0.3 s.
const build = async (config) => (await import('vite')).build(config);

if (skip.has('renderer')) process.stdout.write('build: panel (renderer) unchanged, not rebuilt\n');
else {
  await timed('panel (renderer)', () =>
    build({ configFile: 'vite.renderer.config.ts', logLevel: 'warn', cacheDir, build: { outDir: join(root, 'renderer', 'main_window') } }),
  );
}

const entries = { headless: 'electron/headless/main.ts', demo: 'electron/headless/demo.ts', export: 'electron/headless/export-main.ts' };
if (existsSync('electron/main.ts')) entries.main = 'electron/main.ts';
const reuseFrom = process.env.DM_BUILD_REUSE_FROM ? join(resolve(process.env.DM_BUILD_REUSE_FROM), 'build') : null;
const notReusable = reuseFrom ? whyNotReusable('.', reuseFrom, askedEnv) : 'no previous build given';
if (notReusable === null) {
  const linked = linkOutputs(reuseFrom, outDir);
  process.stdout.write(`build: node entries unchanged (none of their inputs changed): ${linked} files linked from ${reuseFrom}, not rebuilt\n`);
} else {
  if (reuseFrom) process.stdout.write(`build: node entries rebuilt: ${notReusable}\n`);
  let moduleIds = [];
  const result = await timed(`node entries (${Object.keys(entries).join(', ')})`, () =>
    build({
      configFile: false,
      logLevel: 'warn',
      cacheDir,
      // Bundled rather than imported at run time: zod's entry loads all its ~40 message locales, which
      // the bundler leaves out (idle RSS −3 MiB, bench/idle-memory). Everything else stays external.
      // conf too, with its ajv imports pointed at a stand-in: we give conf no JSON schema (settings are
      // checked with zod), and ajv loaded ≈100 modules at every start (electron/headless/no-ajv.ts).
      ssr: { noExternal: ['zod', 'conf'] },
      resolve: { alias: [{ find: /^(ajv\/dist\/2020\.js|ajv-formats)$/, replacement: resolve('electron/headless/no-ajv.ts') }] },
      // Every module the bundler read, tree-shaken or not: the inputs the next build compares.
      plugins: [{ name: 'record-inputs', generateBundle() { moduleIds = [...this.getModuleIds()]; } }],
      build: {
        ssr: true,
        target: 'node22',
        outDir,
        // Only the entries' own files go: a reused preload.cjs stays.
        emptyOutDir: !skip.has('preload'),
        sourcemap: true,
        rollupOptions: {
          input: entries,
          // V8 keeps each script's source for the life of the process, two bytes a character as soon as one
          // is not ASCII (a "—" in a message): ASCII escapes, and no doc comments (the source maps keep them).
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
        },
      },
    }),
  );
  const files = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output.flatMap((f) => [f.fileName, ...(f.sourcemapFileName ? [f.sourcemapFileName] : [])]));
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify(inputsManifest('.', moduleIds, files, askedEnv))}\n`);
}

if (skip.has('preload')) process.stdout.write('build: preload unchanged, not rebuilt\n');
else if (existsSync('electron/preload.ts')) {
  await timed('preload (sandboxed: one CommonJS file, only `electron` external)', () =>
    build({
      configFile: false,
      logLevel: 'warn',
      cacheDir,
      ssr: { noExternal: true },
      build: {
        ssr: true,
        target: 'node22',
        outDir,
        emptyOutDir: false,
        rollupOptions: { input: { preload: 'electron/preload.ts' }, external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
      },
    }),
  );
}
const gitHead = () => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
};
// The updater passes the commit; a plain checkout's build asks git.
writeIdentity(outDir, '.', process.env.DM_BUILD_COMMIT || gitHead());
process.stdout.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
