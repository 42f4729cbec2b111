import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isPostgresUrl, sqlitePathOf } from '../connection';
import { writeBackupFile } from './file';
import { BackupError, FORMAT_VERSION, newestMigration, type BackupManifest } from './manifest';
import { backupPostgres } from './postgres';
import { backupSqlite } from './sqlite';

// `npm run db:backup`: one consistent copy of the database named by `database` (SQLite file or
// postgres:// URL) written to `out` as a checksummed, self-describing backup file (file.ts).

/** The files a backup to `out` makes on its way (the copy, then `out.partial`), for cleaning up after an interruption. */
export function temporaryFiles(out: string): { payload: string; partial: string } {
  return { payload: join(dirname(out), `.${basename(out)}.payload`), partial: `${out}.partial` };
}

export async function takeBackup({ database, out, now = new Date() }: { database: string; out: string; now?: Date }): Promise<BackupManifest> {
  if (existsSync(out)) throw new BackupError(`${out} already exists: a backup never overwrites a file. Name a new one.`);
  if (!existsSync(dirname(out))) throw new BackupError(`The folder ${dirname(out)} does not exist.`);
  // The payload is made beside the backup file, so it needs no room anywhere else.
  const { payload } = temporaryFiles(out);
  await rm(payload, { force: true });
  try {
    const kind = isPostgresUrl(database) ? 'postgres' : 'sqlite';
    const contents = kind === 'postgres' ? await backupPostgres(database, payload) : await backupSqlite(sqlitePathOf(database), payload);
    if (contents.migrations.length === 0)
      throw new BackupError(
        `${kind === 'sqlite' ? sqlitePathOf(database) : 'The database'} has no migrations applied: it is not a Heard database (run npm run db:migrate first if it is a new one).`,
      );
    return await writeBackupFile(
      out,
      {
        format: 'heard-backup',
        formatVersion: FORMAT_VERSION,
        database: kind,
        createdAt: now.toISOString(),
        schema: { latest: newestMigration(contents.migrations), migrations: contents.migrations },
        tables: contents.tables,
      },
      { file: payload, kind: kind === 'postgres' ? 'pg_dump-custom' : 'sqlite-file' },
    );
  } finally {
    await rm(payload, { force: true });
  }
}
