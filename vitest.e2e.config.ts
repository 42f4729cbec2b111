import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium against the built app, one server per test file.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
