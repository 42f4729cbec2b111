import type { Db } from './connection';
import { migrateToLatest } from './migrate';
import { seedDemo, seedReference } from './seed/index';

/**
 * What a start does to the database before anything is served: migrate it to the latest schema,
 * load the reference data (wards), and on first start fill it with the demo content when asked.
 * Run once per start: by server.ts on its own, or by the supervisor before it forks the servers.
 */
export async function prepareDatabase(db: Db, { demo }: { demo: boolean }): Promise<void> {
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`Migrated: ${applied.join(', ')}`);
  await seedReference(db);
  if (!demo) return;
  const started = Date.now();
  const summary = await seedDemo(db);
  if (!summary.skipped) console.log(`Demo content added in ${Date.now() - started} ms`);
}
