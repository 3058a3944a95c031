import { defineConfig } from 'vitest/config';

// Soak runs (`npm run soak`, after `npm run build`): the full-size versions of the hardening tests.
// The browser soaks (tests/soak) drive Chromium with the built extension for many minutes; the
// fuzzers in tests/hardening run with SOAK=1, i.e. hundreds of damaged pages per capture instead of
// a few dozen. Sizes and durations can be changed by environment (see each file).
export default defineConfig({
  test: {
    include: [
      'tests/soak/**/*.soak.test.ts',
      'tests/hardening/mutations.test.ts',
      'tests/hardening/messages.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    env: { SOAK: '1' },
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
