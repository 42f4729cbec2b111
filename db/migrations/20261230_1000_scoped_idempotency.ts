import { PostgresAdapter, sql, type Kysely } from 'kysely';

// An idempotency key means "this same response again" only within its own consultation: a key
// unique across all of them let a key posted to the wrong consultation's check page answer with
// the other consultation's reference and store nothing. Keys become unique per consultation.

type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

const SCOPED_INDEX = 'responses_consultation_key';

/**
 * SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt the way SQLite's
 * documentation describes (ALTER TABLE, "making other kinds of table schema changes"): the same
 * CREATE TABLE with the constraint changed, the rows copied, the old table dropped and the new
 * one renamed, its indexes made again. Foreign keys are off meanwhile, or dropping the old table
 * would cascade to every answer.
 */
async function rebuildSqliteResponses(db: Db, change: (createSql: string) => string): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'responses'`.execute(db);
  const indexes = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'responses' and sql is not null`.execute(db);
  const createSql = table.rows[0]?.sql;
  if (!createSql) throw new Error('responses table not found');
  const rebuilt = change(createSql).replace(/^CREATE TABLE "responses"/i, 'CREATE TABLE "responses_rebuilt"');
  if (rebuilt === createSql || !/"responses_rebuilt"/.test(rebuilt)) throw new Error('responses table is not as the migrations made it');

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(rebuilt).execute(trx);
      await sql`insert into responses_rebuilt select * from responses`.execute(trx);
      await sql`drop table responses`.execute(trx);
      await sql`alter table responses_rebuilt rename to responses`.execute(trx);
      for (const index of indexes.rows) if (index.name !== SCOPED_INDEX) await sql.raw(index.sql).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('foreign keys broken by the rebuild of responses');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

const GLOBAL_KEY = /("idempotency_key" text not null) unique/i;

export async function up(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`alter table responses drop constraint responses_idempotency_key_key`.execute(db);
  else await rebuildSqliteResponses(db, (createSql) => createSql.replace(GLOBAL_KEY, '$1'));
  await db.schema.createIndex(SCOPED_INDEX).on('responses').columns(['consultation_id', 'idempotency_key']).unique().execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex(SCOPED_INDEX).execute();
  if (isPostgres(db)) await sql`alter table responses add constraint responses_idempotency_key_key unique (idempotency_key)`.execute(db);
  else await rebuildSqliteResponses(db, (createSql) => createSql.replace(/("idempotency_key" text not null)/i, '$1 unique'));
}
