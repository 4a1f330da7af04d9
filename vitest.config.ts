import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Both cores: most test files are CPU-bound, and a few wait on child processes.
    maxWorkers: 2,
  },
});
