import { PostgresAdapter, sql } from 'kysely';
import type { Db, Trx } from './connection';
import type { Database } from './schema';

// Writing many rows at once (the demo seed, imports), and telling the planner about them after.
// The one place the two databases differ for bulk work.

export function isPostgres(db: Db | Trx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// SQLite allows 32,766 bound parameters a statement.
const SQLITE_MAX_PARAMETERS = 32_000;
// On PostgreSQL a statement carries one array per column, whatever the number of rows: this only
// bounds the memory of one statement's text.
const POSTGRES_ROWS_PER_INSERT = 20_000;

type Table = keyof Database & string;

/** Each table's column types on PostgreSQL, read once per connection pool: the casts unnest needs. */
const columnTypes = new WeakMap<object, Map<string, Map<string, string>>>();

async function postgresColumnTypes(trx: Db | Trx, table: Table): Promise<Map<string, string>> {
  // Keyed on the executor's adapter, which a transaction shares with its database.
  const key = trx.getExecutor().adapter;
  let tables = columnTypes.get(key);
  if (!tables) columnTypes.set(key, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    const { rows } = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(trx);
    types = new Map(rows.map((r) => [r.column_name, r.data_type]));
    tables.set(table, types);
  }
  return types;
}

/**
 * Inserts `rows` in order (so generated ids follow it on both databases); a column missing from a
 * row is stored as null. SQLite: multi-row INSERTs, as many rows a statement as its parameter limit
 * allows, which is fast there (no network, no planning). PostgreSQL: `INSERT … SELECT * FROM
 * unnest($1::integer[], …)`, one array per column, so a statement costs one parse and a handful of
 * parameters however many rows it carries, where a 30,000-parameter multi-row INSERT spends much of
 * its time being parsed. `returning` names columns to read back from every row stored, in no
 * promised order (match them on a unique column).
 */
export async function insertMany<T extends object, R extends Record<string, unknown> = never>(
  trx: Trx,
  table: Table,
  rows: readonly T[],
  returning: readonly (keyof R & string)[] = [],
): Promise<R[]> {
  const stored: R[] = [];
  if (rows.length === 0) return stored;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: T, column: string) => (row as Record<string, unknown>)[column] ?? null;
  const back = sql.join(returning.map((c) => sql.ref(c)));
  if (!isPostgres(trx)) {
    // Kysely's own multi-row insert: a third faster here than a raw statement built from a
    // template per row (100,000 demo responses seeded in 9 s against 12.7 s). Every row is given
    // every column, since SQLite's VALUES has no DEFAULT for the one a row leaves out.
    const size = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length));
    const whole = (row: T) => (columns.every((column) => column in row) ? row : Object.fromEntries(columns.map((column) => [column, cell(row, column)])));
    for (let start = 0; start < rows.length; start += size) {
      const insert = trx.insertInto(table as 'answers').values(rows.slice(start, start + size).map(whole) as never);
      if (returning.length) stored.push(...((await insert.returning(returning as never).execute()) as unknown as R[]));
      else await insert.execute();
    }
    return stored;
  }
  const types = await postgresColumnTypes(trx, table);
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_INSERT);
    const arrays = columns.map((column) => {
      const type = types.get(column);
      if (!type) throw new Error(`${table} has no column ${column}`);
      return sql`${chunk.map((row) => cell(row, column))}::${sql.raw(type)}[]`;
    });
    const insert = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`;
    const { rows: got } = await (returning.length ? sql<R>`${insert} returning ${back}` : sql<R>`${insert}`).execute(trx);
    stored.push(...got);
  }
  return stored;
}

/**
 * Refreshes the planner's statistics after a bulk load. A PostgreSQL server without autovacuum
 * has none for freshly loaded tables, and plans quotes and coding as if they were empty (5–8 s at
 * 3,800 responses, 0.3–0.6 s after). ANALYZE samples a bounded number of rows, so it costs well
 * under a second at a million responses. SQLite: `PRAGMA optimize` analyses only the tables that
 * changed a lot, with a bounded scan.
 */
export async function analyzeAfterBulkLoad(db: Db, tables: readonly Table[] = ['responses', 'answers']): Promise<void> {
  if (isPostgres(db)) {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
    return;
  }
  await sql`pragma optimize`.execute(db);
}

/**
 * Runs `load` with the foreign keys of `tables` on PostgreSQL checked once at the end instead of
 * row by row: PostgreSQL's documented recipe for populating a database ("Remove Foreign Key
 * Constraints"). A per-row check is a trigger that looks the parent up: 1.3 million answers took
 * 15 s to insert with their three keys and 3.4 s without, and adding the keys back (one join over
 * the table) 0.35 s. The constraints are added back, validated, whether the load succeeds or fails;
 * rows that break one make that fail loudly. Only for a database nobody else is writing to (the
 * demo seed of a new installation): dropping a constraint locks the table, and no row is checked
 * until the end. The tables' non-unique indexes are dropped and built again after the same way
 * (100,000 demo responses: 12.1 s to seed with them kept, 10.8 s this way). SQLite checks keys
 * cheaply in-process, so there it is just `load()`.
 */
export async function withKeysAndIndexesBuiltAfter<T>(db: Db, tables: readonly Table[], load: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return load();
  const { rows: keys } = await sql<{ table_name: string; name: string; definition: string }>`
    select conrelid::regclass::text as table_name, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and conrelid = any(${[...tables]}::regclass[])
    order by conrelid::regclass::text, conname`.execute(db);
  const alter = (key: (typeof keys)[number], change: 'drop' | 'add') =>
    change === 'drop'
      ? sql`alter table ${sql.table(key.table_name)} drop constraint ${sql.ref(key.name)}`.execute(db)
      : sql`alter table ${sql.table(key.table_name)} add constraint ${sql.ref(key.name)} ${sql.raw(key.definition)}`.execute(db);
  // Non-unique indexes too: one sorted build after the load is cheaper than keeping them current
  // row by row (PostgreSQL's "Populating a Database": remove indexes, load, create them again).
  // Unique ones stay, so a duplicate still fails the load.
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid = any(${[...tables]}::regclass[]) and not i.indisunique and not i.indisprimary
    order by 1`.execute(db);
  for (const key of keys) await alter(key, 'drop');
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  try {
    return await load();
  } finally {
    for (const index of indexes) await sql.raw(index.definition).execute(db);
    for (const key of keys) await alter(key, 'add');
  }
}
