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

// Internals: folders only their own capability imports.
export const INTERNALS = ['analysis/index'];

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
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...routeZones, ...internalZones] }],
    },
  },
  {
    // A route parses, calls a capability's command and answers; the command opens the transaction.
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='transaction']", message: "Routes open no transaction: call the capability's command, which opens it (inTransaction, db/connection.ts)." },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '#db/connection', importNames: ['inTransaction'], message: "Routes open no transaction: call the capability's command, which opens it." }] },
      ],
    },
  },
);
