import { parseArgs } from 'node:util';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/platform/env.server';
import { importCommand, importUsage } from '../../app/responses/import/command.server';

// npm run import -- --consultation SLUG FILE [--database PATH|URL]
// The same check and import as the workspace's import page: every problem by row and column and
// exit 1 with nothing stored, or "Imported N responses" and exit 0. Audited as the command line.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    consultation: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(importUsage());
  process.exit(0);
}
const [file, ...extra] = positionals;
if (!values.consultation || !file || extra.length > 0) {
  console.error(importUsage());
  process.exit(1);
}

const db = openDatabase(values.database ?? env().DATABASE_URL);
try {
  await migrateToLatest(db);
  const { exitCode, out, err } = await importCommand(db, values.consultation, file);
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  process.exitCode = exitCode;
} finally {
  await db.destroy();
}
