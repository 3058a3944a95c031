import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: Node + happy-dom, fake extension APIs (WxtVitest) and fake-indexeddb.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // tests/hardening/manifest.test.ts reads the build: it runs with the browser tests, after `npm run build`.
    exclude: [
      'tests/e2e/**',
      'tests/bench/**',
      'tests/soak/**',
      'tests/hardening/manifest.test.ts',
      'node_modules/**',
    ],
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
