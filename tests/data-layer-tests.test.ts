import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataLayerTestFiles } from './data-layer-tests';

// Spelled in pieces, with helpers named unlike any real one in tests/, so that this file (the
// finder reads source text) does not read as one that uses a database.
const CREATE = ['createTest', 'Db'].join('');
const URL_NAME = ['TEST_DATABASE', 'URL'].join('_');

const root = mkdtempSync(join(tmpdir(), 'heard-data-layer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the PostgreSQL run picks its files', () => {
  it('takes the tests whose database follows the test database URL, also through a helper in tests/, and leaves the rest', () => {
    write('tests/fixture-db.ts', `export async function ${CREATE}() {}`);
    write('tests/factories.ts', `import { ${CREATE} } from './fixture-db';\nexport const make = () => ${CREATE}();`);
    write('tests/words.ts', 'export const words = 1;');
    write('app/a/direct.test.ts', `import { ${CREATE} } from '../../tests/fixture-db';\nawait ${CREATE}();`);
    write('app/b/helper.test.tsx', "import { make } from '../../tests/factories';");
    write('db/pg-only.test.ts', `describe.skipIf(!process.env.${URL_NAME})`);
    write('app/c/pure.test.ts', "import { words } from '../../tests/words';");
    write('app/d/own-sqlite.test.ts', "import { openDatabase } from '#db/connection';\nopenDatabase('x.sqlite');");
    write('tests/e2e/journey.test.ts', `import { ${CREATE} } from '../fixture-db';\nawait ${CREATE}();`);

    expect(dataLayerTestFiles(root)).toEqual(['app/a/direct.test.ts', 'app/b/helper.test.tsx', 'db/pg-only.test.ts']);
  });

  it('finds this repository’s own data-layer tests and not its pure ones', () => {
    const files = dataLayerTestFiles(process.cwd());
    expect(files).toContain('db/schema.test.ts');
    expect(files).toContain('app/responses/submit.test.ts');
    expect(files).not.toContain('app/analysis/statistics.test.ts');
    expect(files).not.toContain('tests/data-layer-tests.test.ts');
  });
});
