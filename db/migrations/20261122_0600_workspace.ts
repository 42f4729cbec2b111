import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// The officers' workspace: people who sign in, their sessions, the audit log of every change,
// responses brought in from outside the online form (keyed in or imported), responses kept out
// of the counts (spam, duplicate, test), questions hidden once answered, and blocked floods.

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
    .createTable('users')
    .addColumn('id', id.type, id.build)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'officer', 'analyst')`))
    // Null until an invited person chooses a password.
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'active', 'disabled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();

  // Only a hash of an invitation's token is kept, so the table alone cannot be used to sign up.
  await db.schema
    .createTable('invitations')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // A session is found by a hash of the cookie's token: a copy of the table cannot sign anyone in.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', id.type, id.build)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Who, as they were named then: an email address, or "command line".
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('consultation_id', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
  await db.schema.createIndex('audit_events_consultation').on('audit_events').columns(['consultation_id', 'at']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The same file twice is refused: its SHA-256 is unique within a consultation.
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('imports_file_unique', ['consultation_id', 'file_sha256'])
    .execute();

  // Public-form submissions turned away (honeypot filled, too many from one client), so a
  // flood is visible. The client is a keyed hash that changes on every restart, never an address.
  await db.schema
    .createTable('blocked_submissions')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('honeypot', 'rate_limit')`))
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blocked_submissions_consultation').on('blocked_submissions').columns(['consultation_id', 'at']).execute();

  const addTo = async (table: string, column: string, type: 'text' | 'integer', build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder) => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type, build ?? ((c) => c))
      .execute();
  };
  // counted, or kept out of every count: spam, duplicate, test.
  await addTo('responses', 'status', 'text', (c) => c.notNull().defaultTo('counted'));
  await addTo('responses', 'status_reason', 'text');
  await addTo('responses', 'status_changed_at', 'text');
  await addTo('responses', 'status_changed_by', 'integer');
  // Responses from a workshop, forum, booth, paper form or conversation.
  await addTo('responses', 'facilitator', 'text');
  await addTo('responses', 'notes', 'text');
  await addTo('responses', 'entered_by', 'integer');
  await addTo('responses', 'import_id', 'integer');
  await db.schema.createIndex('responses_consultation_status').on('responses').columns(['consultation_id', 'status']).execute();

  // Once answered, a question or option is hidden rather than deleted, with the reason why.
  await addTo('questions', 'hidden', 'integer', (c) => c.notNull().defaultTo(0));
  await addTo('questions', 'hidden_reason', 'text');
  await addTo('options', 'hidden', 'integer', (c) => c.notNull().defaultTo(0));

  // Languages (besides English) every text must be translated into before publishing: "pl,ur".
  await addTo('consultations', 'required_locales', 'text', (c) => c.notNull().defaultTo(''));
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('consultations').dropColumn('required_locales').execute();
  await db.schema.alterTable('options').dropColumn('hidden').execute();
  await db.schema.alterTable('questions').dropColumn('hidden_reason').execute();
  await db.schema.alterTable('questions').dropColumn('hidden').execute();
  await db.schema.dropIndex('responses_consultation_status').execute();
  for (const column of ['import_id', 'entered_by', 'notes', 'facilitator', 'status_changed_by', 'status_changed_at', 'status_reason', 'status']) {
    await db.schema.alterTable('responses').dropColumn(column).execute();
  }
  for (const table of ['blocked_submissions', 'imports', 'audit_events', 'sessions', 'invitations', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
