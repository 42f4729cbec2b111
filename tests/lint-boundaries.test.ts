import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The house rules (README, "Layout") are lint errors, so `npm run lint` (and validate, and CI)
// fails on a folder importing one above it, a reach into another capability's internals, an
// import loop, or a route opening a transaction. Planted files, linted with the repository's own
// eslint.config.js, show each rule firing and a lawful import passing.

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the house rules as lint', () => {
  it('lets a folder import one below it', async () => {
    expect(await problems('app/exports/probe.ts', "export { DIMENSIONS } from '~/analysis/dimensions';\n")).toEqual([]);
  });

  it('refuses a folder importing one above it', async () => {
    const found = await problems('app/platform/probe.ts', "export { EXPORT_FORMATS } from '~/exports/kinds';\n");
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*platform sits below exports/)]);
  });

  it("refuses a reach into another capability's internals, from code and from tests", async () => {
    const code = "export { createTally } from '~/analysis/index/tally';\n";
    expect(await problems('app/coding/probe.ts', code)).toEqual([expect.stringMatching(/analysis\/index is internal to analysis/)]);
    expect(await problems('app/coding/probe.test.ts', code)).toEqual([expect.stringMatching(/analysis\/index is internal to analysis/)]);
    expect(await problems('app/analysis/probe.ts', code)).toEqual([]);
  });

  it('refuses a capability importing a route', async () => {
    const found = await problems('app/publishing/probe.ts', "export { loader } from '~/routes/admin';\n");
    expect(found).toEqual([expect.stringMatching(/Routes are the top of the house/)]);
  });

  it('refuses a route opening a transaction', async () => {
    const code = "import type { Db } from '#db/connection';\nexport const run = (db: Db) => db.transaction().execute(async () => 1);\n";
    expect(await problems('app/routes/probe.tsx', code)).toEqual([expect.stringMatching(/^no-restricted-syntax: Routes open no transaction/)]);
  });

  describe('an import loop', () => {
    const dir = join(ROOT, 'app', 'responses', `lint-probe-${process.pid}`);
    beforeAll(async () => {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      await writeFile(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('is refused', async () => {
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect((result?.messages ?? []).map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
    });
  });
});
