import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Routing and grids (issue 17).
// - A section or question may be shown only when earlier answers match (`show_if`, JSON as in
//   app/consultations/routing.ts, naming questions and options by key); a young people's item has
//   its own, naming youth items and youth options.
// - An option of a single-answer question may send the person to a later section (its key) or to
//   the end (`exit`), where the question's `exit_text` is shown ("exit page"); youth options the same,
//   to a later youth item.
// - `not_asked`: the questions a response's own route passed by, so a summary can tell "not
//   asked" from "no answer" and base every percentage on those asked.
// - `grids`: several statements (questions with `grid_id`) answered on one shared scale.

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
  await db.schema.alterTable('sections').addColumn('show_if', 'text').execute();
  await db.schema.alterTable('questions').addColumn('show_if', 'text').execute();
  await db.schema
    .alterTable('questions')
    .addColumn('exit_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('options').addColumn('goes_to', 'text').execute();
  await db.schema.alterTable('youth_items').addColumn('show_if', 'text').execute();
  await db.schema
    .alterTable('youth_items')
    .addColumn('exit_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('youth_options').addColumn('goes_to', 'text').execute();

  await db.schema
    .createTable('grids')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('grids_key_unique', ['consultation_id', 'key'])
    .execute();
  await db.schema
    .alterTable('questions')
    .addColumn('grid_id', 'integer', (c) => c.references('grids.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('not_asked')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('not_asked_pk', ['response_id', 'question_id'])
    .execute();
  await db.schema.createIndex('not_asked_question_idx').on('not_asked').column('question_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('not_asked').execute();
  await db.schema.alterTable('questions').dropColumn('grid_id').execute();
  await db.schema.dropTable('grids').execute();
  await db.schema.alterTable('youth_options').dropColumn('goes_to').execute();
  await db.schema.alterTable('youth_items').dropColumn('exit_text').execute();
  await db.schema.alterTable('youth_items').dropColumn('show_if').execute();
  await db.schema.alterTable('options').dropColumn('goes_to').execute();
  await db.schema.alterTable('questions').dropColumn('exit_text').execute();
  await db.schema.alterTable('questions').dropColumn('show_if').execute();
  await db.schema.alterTable('sections').dropColumn('show_if').execute();
}
