import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

// server.ts as plain JavaScript for production, so `npm run serve` runs on node alone (no
// TypeScript loader in memory). Packages stay external; our own code and locales are bundled.
export default defineConfig({
  plugins: [tsconfigPaths()],
  publicDir: false,
  build: {
    ssr: 'server.ts',
    outDir: 'build/node',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'server.js', format: 'esm' } },
  },
  logLevel: 'warn',
});
