import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Several app processes on one database (issue 16): every change that moves the counts (and every
// change to what public pages or the framework show) is written to change_log in the same
// transaction as the change, under an ordered sequence, so each process's in-memory summary
// indexes and caches catch up from the database instead of hearing only of their own changes.
// index_snapshots keeps each consultation's summary index serialised, with the log position it
// covers, so a process that starts loads it and replays the log after it instead of reading
// every response.

type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

function seqColumn(db: Db) {
  // AUTOINCREMENT on SQLite: a sequence number is never handed out twice, even after the newest
  // entries were pruned, so "entries after n" never misses one.
  return {
    type: isPostgres(db) ? sql`bigserial` : sql`integer`,
    build: (col: ColumnDefinitionBuilder) => (isPostgres(db) ? col.primaryKey() : col.primaryKey().autoIncrement()),
  };
}

export async function up(db: Db): Promise<void> {
  const seq = seqColumn(db);
  await db.schema
    .createTable('change_log')
    .addColumn('seq', seq.type, seq.build)
    // None for changes that concern every consultation (public pages, the framework).
    .addColumn('consultation_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('response_id', 'integer')
    // JSON: a status, or an import's response ids.
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_log_consultation_seq').on('change_log').columns(['consultation_id', 'seq']).execute();

  await db.schema
    .createTable('index_snapshots')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('chunk', 'integer', (c) => c.notNull())
    // The change_log position the snapshot includes everything up to.
    .addColumn('seq', 'bigint', (c) => c.notNull())
    // The questions and options the index was built for: a snapshot of other ones is not used.
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_snapshots_pk', ['consultation_id', 'chunk'])
    .execute();
  // Compressed already (by the app): PostgreSQL need not try again on every write and read.
  if (isPostgres(db)) await sql`alter table index_snapshots alter column data set storage external`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('index_snapshots').execute();
  await db.schema.dropTable('change_log').execute();
}
