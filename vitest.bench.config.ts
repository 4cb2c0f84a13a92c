import { defineConfig } from 'vitest/config';

// Benchmarks print figures; they are not part of `npm test` (timing targets do not belong in tests).
export default defineConfig({
  test: { include: ['bench/**/*.bench.ts'], environment: 'node', css: { include: [/renderer\/src\/styles\/.+\.css/] }, testTimeout: 600_000, fileParallelism: false },
});
