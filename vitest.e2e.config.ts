import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

// End-to-end: real Chromium against the built app, one server per test file, each on a copy of
// a database seeded once (tests/e2e/global-setup.ts).
// Files that measure the server (memory, answer times, a worker thread's load), count seconds of a
// sign-in wait, hold the database lock or kill servers run one at a time after the rest, so
// nothing else in the suite skews them.
const ALONE = ['crash', 'database-lock', 'fuzz', 'hardening', 'heavy-work', 'hostile-requests', 'multi-process', 'supervisor'].map(
  (name) => `tests/e2e/${name}.test.ts`,
);

export default defineConfig({
  // The global setup seeds through db/ and app/ code, which imports by the tsconfig paths.
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two cores: two files at once, each with its server and browser.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ALONE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-alone',
          include: ALONE,
          // One process that runs the files one after another (vitest 3 has no per-project maxWorkers).
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
