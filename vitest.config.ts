import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

// Unit and integration tests: next to the code as *.test.ts(x), against real databases.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at once on two cores: 54 s against 81 s with vitest's default of one (same machine,
    // back to back); the PostgreSQL run passes the same (tests/run-postgres.ts).
    maxWorkers: 2,
    minWorkers: 1,
  },
});
