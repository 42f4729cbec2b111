import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { env } from '../../app/platform/env.server';
import { takeBackup, temporaryFiles } from '../backup/backup';
import { BackupError, describeManifest } from '../backup/manifest';
import { isPostgresUrl } from '../connection';
import { redactUrl } from '../backup/postgres';

const USAGE = `npm run db:backup -- --out FILE [--database PATH|URL]

Writes one consistent copy of Heard's database to FILE while the app keeps running: SQLite through
its online backup API, PostgreSQL through pg_dump (custom format; pg-boss's schema included).
FILE holds a manifest (schema version, row counts, when) and the SHA-256 of the copy, which
npm run db:restore checks before it touches anything. FILE must not exist.

  --out FILE            the backup file to write
  --database PATH|URL   the database to back up (default: DATABASE_URL, else data/heard.sqlite)
  -h, --help            this text

Exit codes: 0 written, 1 refused or failed (nothing is left at FILE).`;

let parsed;
try {
  parsed = parseArgs({ options: { out: { type: 'string' }, database: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out) {
  console.error(`Name the backup file with --out FILE.\n\n${USAGE}`);
  process.exit(1);
}

const database = values.database ?? env().DATABASE_URL;
const shown = isPostgresUrl(database) ? redactUrl(database) : database;
// Interrupted (Ctrl-C, systemctl stop): no half-written file is left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const file of Object.values(temporaryFiles(values.out!))) rmSync(file, { force: true });
    console.error(`Backup of ${shown} interrupted: nothing was written to ${values.out}.`);
    process.exit(1);
  });
const started = Date.now();
try {
  const manifest = await takeBackup({ database, out: values.out });
  console.log(`Backed up ${shown} to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of describeManifest(manifest)) console.log(line);
} catch (error) {
  console.error(`Backup of ${shown} failed: ${error instanceof BackupError ? error.message : String((error as Error).stack ?? error)}`);
  process.exitCode = 1;
}
