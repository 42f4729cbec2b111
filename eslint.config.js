// @ts-check
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// The house map (README, "Layout"): capabilities from the bottom up. A folder may import the
// folders below it, never one above it, so no two folders can import each other.
export const LAYERS = [
  'platform',
  'auth',
  'ui',
  'framework',
  'consultations',
  'responses',
  'analysis',
  'population',
  'coding',
  'publishing',
  'reports',
  'exports',
];

// Internals: folders only their own capability imports (not even routes). Each capability's
// other files are its public face: analysis/index is reached through analysis/summarise.ts,
// analysis/indexes.server.ts and analysis/dimensions.ts.
export const INTERNALS = ['analysis/index'];

// Tests sit on top of what they exercise, as a route does: nothing imports a test, so a test can
// never close a loop, and it may set up its data through any capability and call a route module.
// It still may not reach into another capability's internals (a test in coding/ reading the
// analysis index is testing analysis from the wrong room).
export const TESTS = ['app/**/*.test.{ts,tsx}', 'app/**/*.fixture.{ts,tsx}'];

const layerZones = LAYERS.flatMap((lower, i) =>
  LAYERS.slice(i + 1).map((higher) => ({
    target: `./app/${lower}/**`,
    from: `./app/${higher}/**`,
    message: `${lower} sits below ${higher} in the house map (README, "Layout"): move the shared part down, or the caller up.`,
  })),
);
const routeZones = LAYERS.map((layer) => ({
  target: `./app/${layer}/**`,
  from: './app/routes/**',
  message: 'Routes are the top of the house: nothing imports a route module.',
}));
const entryZones = LAYERS.map((layer) => ({
  target: `./app/${layer}/**`,
  from: './app/{root,entry.*}.{ts,tsx}',
  message: 'root.tsx and the entries (entry.server, entry.client, entry.worker) are the top of the house, with the routes: nothing below imports them.',
}));
const internalZones = INTERNALS.map((internal) => {
  const owner = internal.split('/')[0];
  return {
    target: `./app/!(${owner})/**`,
    from: `./app/${internal}/**`,
    message: `${internal} is internal to ${owner}: use ${owner}'s public face instead.`,
  };
});

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'public/build/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...routeZones, ...entryZones, ...internalZones] }],
    },
  },
  {
    files: TESTS,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: internalZones }] },
  },
);
