import { defineConfig } from 'vitest/config';

// Runs only the probe below (tests/hardening/fresh-clone.test.ts starts it in a child process).
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.probe.ts'], environment: 'node' },
});
