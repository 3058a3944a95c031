import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian Chromium driven by playwright-core against the built extension.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts', 'tests/hardening/manifest.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
