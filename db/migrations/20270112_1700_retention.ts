import type { Kysely } from 'kysely';

// Retention runs on a schedule (issue 18): every process asks for the day's run, and the first to
// insert the day's row is the one that queues it, so a day's run is queued once however many
// processes or machines share the database. The anonymiser itself is idempotent besides.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('retention_runs')
    // The UTC day, 2027-01-12.
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('retention_runs').execute();
}
