import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Residents' data from answer to deletion (issue 18). Each consultation keeps a retention policy:
// how many months after it closes its responses are anonymised (none: the installation's
// default), what happens then to free text and to "about you", and when it was done. `erasures`
// records each response erased, without its content: enough for the record of processing (which
// consultation, which channel, when, why, by whom, how much was removed) and for a resident to
// hear that their reference was erased (its SHA-256, never the reference itself).

type Db = Kysely<any>;

function idColumn(db: Db) {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    type: isPostgres ? sql`serial` : sql`integer`,
    build: (col: ColumnDefinitionBuilder) => (isPostgres ? col.primaryKey() : col.primaryKey().autoIncrement()),
  };
}

export async function up(db: Db): Promise<void> {
  const id = idColumn(db);
  await db.schema.alterTable('consultations').addColumn('retention_months', 'integer').execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('retention_free_text', 'text', (c) => c.notNull().defaultTo('redact'))
    .execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('retention_about_you', 'text', (c) => c.notNull().defaultTo('coarsen'))
    .execute();
  await db.schema.alterTable('consultations').addColumn('anonymised_at', 'text').execute();

  await db.schema
    .createTable('erasures')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    // The erased response's id: it is gone, so no foreign key.
    .addColumn('response_id', 'integer', (c) => c.notNull())
    .addColumn('reference_sha256', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    // 'request' (the resident asked) or 'officer' (e.g. given in error).
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('request_id', 'integer')
    // JSON: how many rows of each kind went (answers, codings, quotes...), never their content.
    .addColumn('removed', 'text', (c) => c.notNull())
    .addColumn('erased_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('erasures_consultation').on('erasures').column('consultation_id').execute();
  await db.schema.createIndex('erasures_reference').on('erasures').column('reference_sha256').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('erasures').execute();
  for (const column of ['anonymised_at', 'retention_about_you', 'retention_free_text', 'retention_months']) {
    await db.schema.alterTable('consultations').dropColumn(column).execute();
  }
}
