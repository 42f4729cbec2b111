import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Background work shared by every process on one database. On PostgreSQL pg-boss keeps its own
// schema (it migrates that itself when it starts); job_queue is the same queue for SQLite, the
// one-machine install. A finished export's file is kept in export_file_chunks, so any process
// can send it, and export_jobs.file_key names the chunks of the attempt that finished.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = {
    type: isPostgres ? sql`serial` : sql`integer`,
    build: (col: ColumnDefinitionBuilder) => (isPostgres ? col.primaryKey() : col.primaryKey().autoIncrement()),
  };
  await db.schema
    .createTable('job_queue')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('created')
        .check(sql`state in ('created', 'active', 'completed', 'failed')`),
    )
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('lease_seconds', 'integer', (c) => c.notNull())
    // Not claimed before this time (a retry waits its delay).
    .addColumn('start_after', 'text', (c) => c.notNull())
    // The claim: only the worker holding this token may renew, finish or hand back the job.
    .addColumn('lease_token', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_queue_claim').on('job_queue').columns(['name', 'state', 'start_after']).execute();
  await db.schema.createIndex('job_queue_leases').on('job_queue').columns(['state', 'lease_until']).execute();

  await db.schema
    .createTable('export_file_chunks')
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', isPostgres ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('export_file_chunks_pk', ['file_key', 'seq'])
    .execute();
  await db.schema.alterTable('export_jobs').addColumn('file_key', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('export_jobs').dropColumn('file_key').execute();
  await db.schema.dropTable('export_file_chunks').execute();
  await db.schema.dropTable('job_queue').execute();
}
