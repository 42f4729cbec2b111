import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

// server.ts, and supervisor.ts that `npm run serve` starts, as plain JavaScript for production, so
// `npm run serve` runs on node alone (no TypeScript loader in memory). Packages stay external; our
// own code and locales are bundled.
// The heavy-work pool's worker thread (app/entry.worker.ts) is a second entry, worker.js beside server.js, where the
// pool (app/platform/workers/pool.server.ts) looks for it.
export default defineConfig({
  plugins: [tsconfigPaths()],
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'build/node',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { server: 'server.ts', supervisor: 'supervisor.ts', worker: 'app/entry.worker.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'esm' },
    },
  },
  logLevel: 'warn',
});
