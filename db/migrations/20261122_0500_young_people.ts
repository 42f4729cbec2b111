import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// The young people's version of a consultation. Each of its questions ("youth items") either
// rewords a main question, its options mapped onto the main options, or asks a question only
// young people see (a question in a section whose audience is young_people). Answers are
// always stored against real questions and options, so they count in the same analysis.

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
  // The short code of the young people's version (/young/<code>); null when there is none.
  await db.schema.alterTable('consultations').addColumn('youth_code', 'text').execute();
  await db.schema.createIndex('consultations_youth_code_unique').on('consultations').column('youth_code').unique().execute();

  await db.schema
    .alterTable('sections')
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('everyone'))
    .execute();

  // Under-13s' words may be used but are never quoted with attribution.
  await db.schema
    .alterTable('responses')
    .addColumn('never_attribute', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The first part of a postcode (SK4), which young people of 13 and over may give instead of a ward.
  await db.schema.alterTable('responses').addColumn('postcode_district', 'text').execute();

  await db.schema
    .createTable('youth_items')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('restrict'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'short_text', 'long_text')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_selections', 'integer')
    .addColumn('max_length', 'integer')
    .addUniqueConstraint('youth_items_key_unique', ['consultation_id', 'key'])
    .execute();

  await db.schema
    .createTable('youth_options')
    .addColumn('id', id.type, id.build)
    .addColumn('youth_item_id', 'integer', (c) => c.notNull().references('youth_items.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // The main option this answer counts as.
    .addColumn('option_id', 'integer', (c) => c.notNull().references('options.id').onDelete('restrict'))
    // An optional picture (an emoji or an image path); the label is always shown with it.
    .addColumn('picture', 'text')
    .addUniqueConstraint('youth_options_key_unique', ['youth_item_id', 'key'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('youth_options').execute();
  await db.schema.dropTable('youth_items').execute();
  await db.schema.alterTable('responses').dropColumn('postcode_district').execute();
  await db.schema.alterTable('responses').dropColumn('never_attribute').execute();
  await db.schema.alterTable('sections').dropColumn('audience').execute();
  await db.schema.dropIndex('consultations_youth_code_unique').execute();
  await db.schema.alterTable('consultations').dropColumn('youth_code').execute();
}
