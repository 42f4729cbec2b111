import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../tests/db';
import type { Db } from './connection';
import { migrateDown, migrateToLatest } from './migrate';
import { SCHEMA_COLUMNS } from './schema';

let db: Db;
let destroy: () => Promise<void>;
beforeAll(async () => ({ db, destroy } = await createTestDb()));
afterAll(() => destroy());

async function tableColumns(): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(tables.filter((t) => !t.name.startsWith('kysely_')).map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
}

describe('the schema', () => {
  it('the Database interface names exactly the tables and columns the migrations create', async () => {
    const expected = Object.fromEntries(Object.entries(SCHEMA_COLUMNS).map(([table, cols]) => [table, [...cols].sort()]));
    expect(await tableColumns()).toEqual(expected);
  });

  it('migrates every step down to nothing and back up again', async () => {
    while ((await migrateDown(db)).length > 0);
    expect(Object.keys(await tableColumns())).toEqual([]);
    await migrateToLatest(db);
    expect(Object.keys(await tableColumns()).sort()).toEqual(Object.keys(SCHEMA_COLUMNS).sort());
  });
});
