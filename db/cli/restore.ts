import { parseArgs } from 'node:util';
import { env } from '../../app/platform/env.server';
import { BackupError, describeManifest } from '../backup/manifest';
import { redactUrl } from '../backup/postgres';
import { restoreBackup } from '../backup/restore';
import { isPostgresUrl } from '../connection';

const USAGE = `npm run db:restore -- FILE [--database PATH|URL]

Restores a backup made by npm run db:backup into an EMPTY database: for SQLite a file that does
not exist yet (or is empty), for PostgreSQL a database with no tables (createdb NAME first).
Before anything is written it checks the file's SHA-256 checksums, that the backup is of the same
kind of database, and that its schema version is the one this version of Heard expects. After
the restore every table's rows must equal the counts in the backup's manifest.

  FILE                  the backup file
  --database PATH|URL   where to restore (default: DATABASE_URL, else data/heard.sqlite)
  -h, --help            this text

Exit codes: 0 restored and checked, 1 refused or failed.`;

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(`Name one backup file to restore.\n\n${USAGE}`);
  process.exit(1);
}

const file = positionals[0]!;
const database = values.database ?? env().DATABASE_URL;
const shown = isPostgresUrl(database) ? redactUrl(database) : database;
const started = Date.now();
try {
  const manifest = await restoreBackup({ file, database });
  console.log(`Restored ${file} into ${shown} in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's rows match the backup's manifest`);
  for (const line of describeManifest(manifest)) console.log(line);
} catch (error) {
  console.error(`Restore into ${shown} refused or failed: ${error instanceof BackupError ? error.message : String((error as Error).stack ?? error)}`);
  process.exitCode = 1;
}
