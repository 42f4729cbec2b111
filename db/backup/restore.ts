import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isPostgresUrl, sqlitePathOf } from '../connection';
import { latestMigrationName } from '../migrate';
import { extractPayload, openBackupFile } from './file';
import { BackupError, countDifferences, newestMigration, type BackupManifest } from './manifest';
import { checkPostgresTargetEmpty, restorePostgres } from './postgres';
import { checkSqliteTargetEmpty, installSqlite } from './sqlite';

// `npm run db:restore`: a backup file into an EMPTY database, refused before anything is touched
// when the file is damaged, of another kind of database, or of another schema version than this
// code's; after the restore, every table's rows must equal the manifest's.

/** Every reason to refuse, checked in the order a person would want to hear them. */
function checkRestorable(manifest: BackupManifest, kind: 'sqlite' | 'postgres', expectedSchema: string): void {
  if (manifest.database !== kind)
    throw new BackupError(
      `This is a backup of a ${manifest.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database; it restores only into ${manifest.database === 'sqlite' ? 'a SQLite file' : 'a PostgreSQL database'}.`,
    );
  if (manifest.schema.latest !== expectedSchema)
    throw new BackupError(
      `The backup's schema version is ${manifest.schema.latest}, but this version of Heard expects ${expectedSchema}. ` +
        `Restore it with the version of Heard that made it (then migrate with npm run db:migrate), or take a new backup.`,
    );
}

function checkCounts(manifest: BackupManifest, contents: { migrations: string[]; tables: Record<string, number> }): void {
  const differences = countDifferences(manifest.tables, contents.tables);
  if (newestMigration(contents.migrations) !== manifest.schema.latest)
    differences.unshift(`schema: ${manifest.schema.latest} in the backup, ${newestMigration(contents.migrations)} restored`);
  if (differences.length > 0) throw new BackupError(`The restored database does not match the backup's manifest:\n  ${differences.join('\n  ')}`);
}

export async function restoreBackup({
  file,
  database,
  expectedSchema = latestMigrationName(),
}: {
  file: string;
  database: string;
  expectedSchema?: string;
}): Promise<BackupManifest> {
  const kind = isPostgresUrl(database) ? 'postgres' : 'sqlite';
  const opened = await openBackupFile(file);
  const { manifest } = opened;
  checkRestorable(manifest, kind, expectedSchema);
  if (kind === 'sqlite') {
    checkSqliteTargetEmpty(sqlitePathOf(database));
    const target = resolve(sqlitePathOf(database));
    // Written beside the target, checked, then renamed into place: the target exists only whole.
    const restored = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.restoring`);
    // A new machine's data/ folder may not exist yet, as the app itself would create it.
    await mkdir(dirname(target), { recursive: true });
    await extractPayload(file, opened, restored).catch(async (error: unknown) => {
      await rm(restored, { force: true });
      throw error;
    });
    await installSqlite(restored, target, (contents) => checkCounts(manifest, contents));
    return manifest;
  }
  await checkPostgresTargetEmpty(database);
  const dir = await mkdtemp(join(tmpdir(), 'heard-restore-'));
  try {
    const dump = join(dir, 'heard.dump');
    await extractPayload(file, opened, dump);
    const contents = await restorePostgres(dump, database);
    try {
      checkCounts(manifest, contents);
    } catch (error) {
      throw new BackupError(`${(error as Error).message}\nThe database was restored into but must not be used: drop it and restore again.`);
    }
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
