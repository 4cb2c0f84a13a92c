import { defineConfig } from 'vite';

// Electron Forge merges this into its preload config: one CommonJS file (preload.cjs), `electron`
// external, everything else (the shared contract and zod) bundled — a sandboxed preload can require
// nothing but `electron`.
export default defineConfig({
  build: {
    // Electron 45 ships Chromium 140+.
    target: 'chrome140',
  },
});
