import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Two test files at a time: vitest's default on a 2-core machine is cores - 1 = 1, which left a
    // core idle while one file waited on a child process, a browser or git.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**'],
          // The HTML export inlines the panel's stylesheets (`?raw`); vitest empties CSS unless included.
          css: { include: [/renderer\/src\/styles\/.+\.css/] },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // Worker threads, not child processes: these files spawn nothing and load no native module, and a
          // thread starts faster (the project alone 57-66 s instead of 86-90 on two cores, 2026-12-02).
          pool: 'threads',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/build-cache-setup.ts'],
          css: { include: [/renderer\/src\/styles\/.+\.css/] },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Files may run beside any other file: each builds and runs its app in its own temp checkout
          // (the repository's .vite/ is only read) and every server listens on a port the OS picks.
        },
      },
    ],
  },
});
