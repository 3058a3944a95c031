import { defineConfig } from 'vitest/config';

// Benchmarks: real Chromium for what runs in the page or touches IndexedDB; Node for pure scoring
// and export. Each writes one JSON line per figure to test-artifacts/bench.jsonl.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
