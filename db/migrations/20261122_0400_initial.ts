import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Migrations never import app code and are never edited once landed.
// Portability choices: timestamps are ISO 8601 UTC text (they sort and compare the
// same in SQLite and PostgreSQL), flags are 0/1 integers, JSON is text.

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
    .createTable('wards')
    .addColumn('id', id.type, id.build)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_committee', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', id.type, id.build)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('priorities')
    .addColumn('id', id.type, id.build)
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('restrict'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ambition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', id.type, id.build)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('why_asking', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_happens_next', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'open', 'closed', 'results_published')`),
    )
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('estimated_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('ask_about_you', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultation_priorities')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('priorities.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('consultation_priorities_pk', ['consultation_id', 'priority_id'])
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('sections_key_unique', ['consultation_id', 'key'])
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'rating', 'ranking', 'short_text', 'long_text')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_selections', 'integer')
    .addColumn('rank_count', 'integer')
    .addColumn('max_length', 'integer')
    .addColumn('rating_max', 'integer')
    .addUniqueConstraint('questions_key_unique', ['consultation_id', 'key'])
    .execute();
  await db.schema.createIndex('questions_section_idx').on('questions').column('section_id').execute();

  await db.schema
    .createTable('options')
    .addColumn('id', id.type, id.build)
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('is_other', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('options_key_unique', ['question_id', 'key'])
    .execute();

  // One table for every translatable field keeps "what is missing in Polish?" a single query.
  await db.schema
    .createTable('translations')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translations_pk', ['entity_type', 'entity_id', 'field', 'locale'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('restrict'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('respondent_group', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text')
    .addColumn('sex', 'text')
    .addColumn('gender_identity', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('disability', 'text')
    .addColumn('carer', 'text')
    .addColumn('religion', 'text')
    .addColumn('sexual_orientation', 'text')
    .addColumn('ward_code', 'text')
    .addColumn('lives_in_area', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('works_in_area', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('studies_in_area', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('runs_business', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('represents_group', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quote_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quote_credit', 'text')
    .addColumn('quote_name', 'text')
    .execute();
  await db.schema.createIndex('responses_consultation_idx').on('responses').columns(['consultation_id', 'submitted_at']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', id.type, id.build)
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('restrict'))
    .addColumn('option_id', 'integer', (c) => c.references('options.id').onDelete('restrict'))
    .addColumn('rank', 'integer')
    .addColumn('value_number', 'integer')
    .addColumn('value_text', 'text')
    .execute();
  await db.schema.createIndex('answers_response_idx').on('answers').column('response_id').execute();
  await db.schema.createIndex('answers_question_idx').on('answers').columns(['question_id', 'option_id']).execute();

  // Answers in progress, so plain links (back, change) keep what a person typed without JavaScript.
  await db.schema
    .createTable('response_drafts')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('response_drafts_updated_idx').on('response_drafts').column('updated_at').execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'response_drafts',
    'answers',
    'responses',
    'translations',
    'options',
    'questions',
    'sections',
    'consultation_priorities',
    'consultations',
    'priorities',
    'themes',
    'wards',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
