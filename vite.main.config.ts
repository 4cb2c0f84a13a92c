import { defineConfig } from 'vite';

// Electron Forge merges this into its main-process config (entry from forge.config.ts, `electron` and
// Node built-ins external, the dev-server URL defines). Forge packages only .vite/ (plus what
// forge.config.ts keeps), so every other dependency is bundled into the output.
export default defineConfig({
  build: {
    // ESM main.js, like package.json "main" and scripts/build.mjs (Forge's default is CommonJS main.cjs).
    lib: { entry: 'electron/main.ts', formats: ['es'], fileName: () => 'main.js' },
    sourcemap: true,
    rollupOptions: {
      // Native code cannot be bundled: better-sqlite3 ships beside the bundle (forge.config.ts keeps it);
      // the others are optional speed-ups of discord.js's WebSocket stack, used only when installed.
      external: ['better-sqlite3', 'zlib-sync', 'bufferutil', 'utf-8-validate'],
      output: {
        // Bundled CommonJS dependencies (discord.js, pino) call require() for Node built-ins, which
        // an ES module does not have: give every chunk one.
        banner: "import { createRequire as __dmCreateRequire } from 'node:module';\nconst require = __dmCreateRequire(import.meta.url);",
      },
    },
  },
});
