import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Getting the findings out: "what we did" (officer-written actions that close the loop with
// residents, each linked to a council priority and updated over time), the officer's words that
// open the public results page, and exports that run in the background with their progress.

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
    .alterTable('consultations')
    // What the officer says first on the public page ("you said"), in plain words.
    .addColumn('results_summary', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('consultations').addColumn('results_published_at', 'text').execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('priority_id', 'integer', (c) => c.references('priorities.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'in_progress', 'done')`),
    )
    // When it is expected (planned, in progress) or when it was done: an ISO date.
    .addColumn('due_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_consultation').on('actions').columns(['consultation_id', 'position']).execute();

  // Each change of an action's status, with its date and an optional note, so residents can see
  // the history ("planned in March, started in June") and not just the latest word.
  await db.schema
    .createTable('action_updates')
    .addColumn('id', id.type, id.build)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'in_progress', 'done')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_updates_action').on('action_updates').column('action_id').execute();

  // Exports too big to hand over at once: written to a file in the background, with progress.
  await db.schema
    .createTable('export_jobs')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    // The query string it was asked with (filters, breakdown), so the file can be made again.
    .addColumn('params', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('error', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('export_jobs_consultation').on('export_jobs').columns(['consultation_id', 'created_at']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('export_jobs').execute();
  await db.schema.dropTable('action_updates').execute();
  await db.schema.dropTable('actions').execute();
  await db.schema.alterTable('consultations').dropColumn('results_published_at').execute();
  await db.schema.alterTable('consultations').dropColumn('results_summary').execute();
}
