import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Residents' requests by reference (issue 18): a resident asks for a copy of their answers
// (access) or for them to be erased (erasure); an officer verifies who is asking and acts. The
// row keeps what the resident typed only while it is needed: once an erasure is completed its
// reference, email and message are cleared, and the erasures row (its reference's SHA-256) is
// what remains.

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
  await db.schema
    .createTable('data_requests')
    .addColumn('id', id.type, id.build)
    // 'access' or 'erasure'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // As typed, normalised to HRD-XXXX-XXXX; null once an erasure is completed.
    .addColumn('reference', 'text')
    // The response the reference matched when the request arrived (no key: it may be erased).
    .addColumn('response_id', 'integer')
    .addColumn('consultation_id', 'integer', (c) => c.references('consultations.id').onDelete('set null'))
    .addColumn('contact_email', 'text')
    .addColumn('message', 'text')
    // 'received', 'verified', 'completed' or 'refused'.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('received'))
    // How identity was checked, or why the request was refused.
    .addColumn('note', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_at', 'text')
    .addColumn('completed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('data_requests_status').on('data_requests').columns(['status', 'created_at']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('data_requests').execute();
}
