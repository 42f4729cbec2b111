import type { Kysely } from 'kysely';

// Rate limits and sign-in slow-downs move from each process's memory into the database, so
// several app servers on one database count every attempt once, whichever server took it. One
// row per (bucket, key): a bucket names the limit (public submissions, failed sign-ins for an
// account...), the key what it counts (a hashed client or address). Times are milliseconds since
// the epoch; `expires_at` is when the row can no longer decide anything, so the periodic purge
// deletes by it alone and the tables stay as small as the attacks under way.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // The times of the key's last events, oldest first, each 13 digits and a comma: at most the
    // limit's worth, as only those can decide.
    .addColumn('times', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'key'])
    .execute();
  await db.schema.createIndex('rate_limit_windows_expires').on('rate_limit_windows').column('expires_at').execute();

  await db.schema
    .createTable('throttle_states')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('last_failure', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('throttle_states_pk', ['bucket', 'key'])
    .execute();
  await db.schema.createIndex('throttle_states_expires').on('throttle_states').column('expires_at').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('throttle_states').execute();
  await db.schema.dropTable('rate_limit_windows').execute();
}
