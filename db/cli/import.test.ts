import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../connection';
import { migrateToLatest } from '../migrate';
import { seedReference } from '../seed/index';
import { createConsultation } from '../../tests/factories';

// `npm run import` as a person runs it: a real process on a real database file.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'heard-import-'));
const database = join(dir, 'heard.sqlite');
let db: Db;

async function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'db/cli/import.ts', '--database', database, ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const count = async () =>
  Number(
    (
      await db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  db = openDatabase(database);
  await migrateToLatest(db);
  await seedReference(db);
  await createConsultation(db, { slug: 'parks', sections: [{ key: 's', questions: [{ key: 'like', kind: 'yes_no' }] }] });
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('prints each problem by row and column, exits 1 and stores nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'channel,submitted_at,like,ward\nworkshop,2026-03-01,yes,Bramhal\nforum,2026-03-01,maybe,\n');
    const { code, stderr } = await importCli('--consultation', 'parks', file);
    expect(code).toBe(1);
    expect(stderr).toContain('Row 2, column ward: “Bramhal” is not a ward – did you mean “Bramhall North”?');
    expect(stderr).toContain('Row 3, column channel: “forum” is not one of the answers this column takes');
    expect(stderr).toContain('Row 3, column like: “maybe” is not one of this question’s answers');
    expect(await count()).toBe(0);
  });

  it('imports a clean file, audited as the command line, and refuses it a second time', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, 'channel,submitted_at,like,ward\nworkshop,2026-03-01,yes,Bramhall North\npaper,02/03/2026,No,\n');
    const first = await importCli('--consultation', 'parks', file);
    expect(first).toMatchObject({ code: 0, stdout: 'Imported 2 responses\n' });
    expect(await count()).toBe(2);
    const audit = await db.selectFrom('audit_events').select(['actor', 'action']).where('action', '=', 'import.create').execute();
    expect(audit).toEqual([{ actor: 'command line', action: 'import.create' }]);
    const again = await importCli('--consultation', 'parks', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('This file was already imported');
    expect(await count()).toBe(2);
  });

  it('says how to use it, and names an unknown consultation', async () => {
    expect((await importCli('--consultation', 'parks')).code).toBe(1);
    const unknown = await importCli('--consultation', 'nope', join(dir, 'good.csv'));
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('No consultation has the slug “nope”.');
  });
});
