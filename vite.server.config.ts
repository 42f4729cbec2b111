import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

// server.ts (and supervisor.ts, what `npm run serve` starts) as plain JavaScript for production, so `npm run serve` runs on node alone (no
// TypeScript loader in memory). Packages stay external; our own code and locales are bundled.
export default defineConfig({
  plugins: [tsconfigPaths()],
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'build/node',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { input: { server: 'server.ts', supervisor: 'supervisor.ts' }, output: { entryFileNames: '[name].js', format: 'esm' } },
  },
  logLevel: 'warn',
});
