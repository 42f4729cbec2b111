import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// "What we heard": a codebook of themes per consultation and the officers' coding of free-text
// answers into them (who coded what, when, so two coders can be compared), quotes picked for a
// theme or priority, and population baselines ("who lives here") loaded from census-style tables.

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
    .createTable('codebook_themes')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Optional link to one of the council's priorities, for the theme and priority views.
    .addColumn('priority_id', 'integer', (c) => c.references('priorities.id').onDelete('set null'))
    // Words and phrases that suggest the theme, one per line; suggestions only, never applied alone.
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('codebook_themes_key', ['consultation_id', 'key'])
    .execute();

  // One row per answer a coder has finished coding (with no theme at all, too), so "coded as
  // nothing" differs from "not coded yet", and two coders' work on one answer can be compared.
  await db.schema
    .createTable('codings')
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('coder_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
    .addColumn('coded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('codings_pk', ['answer_id', 'coder_id'])
    .execute();
  await db.schema.createIndex('codings_consultation').on('codings').columns(['consultation_id', 'question_id']).execute();

  await db.schema
    .createTable('coding_themes')
    .addColumn('answer_id', 'integer', (c) => c.notNull())
    .addColumn('coder_id', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('codebook_themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('coding_themes_pk', ['answer_id', 'coder_id', 'theme_id'])
    .addForeignKeyConstraint('coding_themes_coding', ['answer_id', 'coder_id'], 'codings', ['answer_id', 'coder_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('coding_themes_theme').on('coding_themes').column('theme_id').execute();

  // A fixed sample of answers that two (or more) officers code independently, for Cohen's kappa.
  await db.schema
    .createTable('coding_samples')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('coding_sample_answers')
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('coding_samples.id').onDelete('cascade'))
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('coding_sample_answers_pk', ['sample_id', 'answer_id'])
    .execute();

  // A quote is picked for a codebook theme or a council priority (at least one), from an answer
  // whose respondent consented; the credit is worked out from the response when shown, so a
  // withdrawn consent or an under-13 can never be credited by a stale copy.
  await db.schema
    .createTable('quotes')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.references('codebook_themes.id').onDelete('cascade'))
    .addColumn('priority_id', 'integer', (c) => c.references('priorities.id').onDelete('cascade'))
    // The words quoted: the answer, or an officer's excerpt of it.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('picked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('picked_at', 'text', (c) => c.notNull())
    .addCheckConstraint('quotes_for_something', sql`theme_id is not null or priority_id is not null`)
    .execute();
  await db.schema.createIndex('quotes_consultation').on('quotes').column('consultation_id').execute();

  // Who lives here: a table of population counts by dimension and group (ONS Census 2021 layout),
  // loaded by officers. `kind` says whether the figures are census figures or illustrative.
  await db.schema
    .createTable('population_baselines')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('census', 'illustrative')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('loaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('population_figures')
    .addColumn('baseline_id', 'integer', (c) => c.notNull().references('population_baselines.id').onDelete('cascade'))
    // A summary dimension (ageBand, sex, ethnicity, ethnicGroup, disability, carer, ward) and one of its codes.
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('population_figures_pk', ['baseline_id', 'dimension', 'value'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'population_figures',
    'population_baselines',
    'quotes',
    'coding_sample_answers',
    'coding_samples',
    'coding_themes',
    'codings',
    'codebook_themes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
