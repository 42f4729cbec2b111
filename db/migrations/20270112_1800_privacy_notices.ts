import type { Kysely } from 'kysely';

// A privacy notice per consultation (issue 18): why it asks (and the same in young people's
// words), the UK GDPR lawful basis and the Article 9 condition for "about you", who the
// controller is and how to reach them, and who the answers are shared with. An empty controller
// or contact means the installation's own (PRIVACY_CONTROLLER, PRIVACY_CONTACT). The texts are
// translated in `translations` as entity 'privacy_notice', whose id is the consultation's.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('privacy_notices')
    .addColumn('consultation_id', 'integer', (c) => c.primaryKey().references('consultations.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purpose_young', 'text', (c) => c.notNull().defaultTo(''))
    // Article 6(1): 'public_task' (e), 'consent' (a) or 'legal_obligation' (c). Legitimate
    // interests is not open to a public authority doing its tasks.
    .addColumn('lawful_basis', 'text', (c) => c.notNull().defaultTo('public_task'))
    // Article 9(2): 'substantial_public_interest' (g, equality monitoring) or 'explicit_consent' (a).
    .addColumn('special_category_condition', 'text', (c) => c.notNull().defaultTo('substantial_public_interest'))
    .addColumn('controller', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shared_with', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('privacy_notices').execute();
}
