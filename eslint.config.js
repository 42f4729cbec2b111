// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

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
  'retention',
  'records',
  'privacy-notices',
  'data-requests',
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

// React, hooks and accessibility rules: the app, and the tests' render helpers.
const REACT_FILES = ['app/**/*.{ts,tsx}', 'tests/**/*.tsx'];

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'public/build/**', 'coverage/**'] },
  { ignores: ['test-results/**', 'bench/out/**', 'data/**', '.cache/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
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
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `const { id: _id, ...rest } = row` is how a field is left out of a copy; `for (const _ of it)` drains.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
    },
  },
  {
    // tsc already checks that each default export and namespace member exists (typescript-eslint's
    // performance guide turns these off for that reason; import-x/namespace alone took a quarter of
    // the lint's time), and fast-check, ExcelJS, i18next and qrcode document `fc.integer`-style use.
    rules: { 'import-x/namespace': 'off', 'import-x/default': 'off', 'import-x/no-named-as-default-member': 'off' },
  },
  // Kysely's migration guide types the database as Kysely<any>: a migration must not lean on
  // today's schema types, and landed migrations are never edited.
  { files: ['db/migrations/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The app runs on both sides: loaders and *.server.ts on Node, components in the browser.
  {
    files: REACT_FILES,
    ...react.configs.flat.recommended,
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: 'detect' } },
  },
  { files: REACT_FILES, ...react.configs.flat['jsx-runtime'] },
  { files: REACT_FILES, ...reactHooks.configs.flat.recommended },
  {
    files: REACT_FILES,
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A table wider than the screen sits in a labelled role="region" with tabIndex={0}, so a keyboard
      // can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable, which the e2e suite runs).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  // Everything else runs on Node only: the server, the database tooling, tests and benchmarks.
  {
    files: ['*.{ts,js}', 'db/**/*.ts', 'bench/**/*.ts', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.node },
  },
  {
    // A route parses, calls a capability's command and answers; the command opens the transaction.
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Routes open no transaction: call the capability's command, which opens it (inTransaction, db/connection.ts).",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '#db/connection', importNames: ['inTransaction'], message: "Routes open no transaction: call the capability's command, which opens it." },
          ],
        },
      ],
    },
  },
  prettier,
);
