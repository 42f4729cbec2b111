import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connection';
import * as initial from './migrations/20261122_0400_initial';
import * as youngPeople from './migrations/20261122_0500_young_people';
import * as workspace from './migrations/20261122_0600_workspace';
import * as analysis from './migrations/20261201_0700_analysis';
import * as populationApproximations from './migrations/20261215_0800_population_approximations';
import * as publishing from './migrations/20261222_0900_publishing';
import * as scopedIdempotency from './migrations/20261230_1000_scoped_idempotency';
import * as changeLog from './migrations/20270105_1100_change_log';
import * as sharedLimits from './migrations/20270105_1200_shared_limits';
import * as jobQueue from './migrations/20270105_1300_job_queue';
import * as dataLifecycle from './migrations/20270112_1400_data_lifecycle';
import * as dataRequests from './migrations/20270112_1600_data_requests';
import * as retention from './migrations/20270112_1700_retention';
import * as privacyNotices from './migrations/20270112_1800_privacy_notices';
import * as routing from './migrations/20270119_1900_routing';

// Listed by hand (not read from the folder) so the same list works under tsx, vitest and the Vite build.
const migrations: Record<string, Migration> = {
  '20261122_0400_initial': initial,
  '20261122_0500_young_people': youngPeople,
  '20261122_0600_workspace': workspace,
  '20261201_0700_analysis': analysis,
  '20261215_0800_population_approximations': populationApproximations,
  '20261222_0900_publishing': publishing,
  '20261230_1000_scoped_idempotency': scopedIdempotency,
  '20270105_1100_change_log': changeLog,
  '20270105_1200_shared_limits': sharedLimits,
  '20270105_1300_job_queue': jobQueue,
  '20270112_1400_data_lifecycle': dataLifecycle,
  '20270112_1600_data_requests': dataRequests,
  '20270112_1700_retention': retention,
  '20270112_1800_privacy_notices': privacyNotices,
  '20270119_1900_routing': routing,
};

/** The newest migration this code knows: the schema version a backup must have to be restored here. */
export function latestMigrationName(): string {
  return Object.keys(migrations).sort().at(-1)!;
}

function migrator(db: Db) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => `${r.direction} ${r.migrationName}`);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
