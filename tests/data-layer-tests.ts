import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Which unit test files are the data layer's: those whose database is the one TEST_DATABASE_URL
// names, as they call createTestDb from tests/db.ts (themselves or through a helper in tests/)
// or read that variable. Found by reading the files, so a new data-layer test is picked up
// without a list to keep.

const TEST_FILE = /\.test\.tsx?$/;
/** What a file says when its database follows TEST_DATABASE_URL: a call, or a read of the variable. */
const USES_TEST_DATABASE = /\bcreateTestDb\s*\(|\bprocess\.env\.TEST_DATABASE_URL\b/;
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'e2e') return [];
    if (statSync(path).isDirectory()) return testFilesUnder(path);
    return TEST_FILE.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

/** True when the file, or a test helper in tests/ that it imports (at any depth), uses the test database. */
function usesTestDatabase(file: string, helpers: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (USES_TEST_DATABASE.test(source)) return true;
  for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) {
    const imported = resolveImport(file, specifier!);
    if (imported?.startsWith(helpers) && usesTestDatabase(imported, helpers, seen)) return true;
  }
  return false;
}

/** The data layer's test files under root's app/, db/ and tests/ (not tests/e2e), relative to root, sorted. */
export function dataLayerTestFiles(root: string): string[] {
  const helpers = join(root, 'tests');
  return ['app', 'db', 'tests']
    .flatMap((dir) => testFilesUnder(join(root, dir)))
    .filter((file) => usesTestDatabase(file, helpers))
    .map((file) => relative(root, file))
    .sort();
}
