import { parseArgs } from 'node:util';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/platform/env.server';
import { exportCommand, exportUsage } from '../../app/exports/command.server';

// npm run export -- --consultation SLUG --kind summary|responses|themes|open-data [--by FIELD]
//                   [--format csv|xlsx|json] [--out FILE] [--database PATH|URL]
// The same files as the workspace's downloads, through the same disclosure control and the same
// redaction. Without --out the file goes to standard output (messages to standard error).
// Exit 0 written, 1 a mistake in the command.

let parsed;
try {
  parsed = parseArgs({
    options: {
      consultation: { type: 'string' },
      kind: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error((error as Error).message);
  console.error(exportUsage());
  process.exit(1);
}
const { values } = parsed;
if (values.help) {
  console.log(exportUsage());
  process.exit(0);
}

const db = openDatabase(values.database ?? env().DATABASE_URL);
try {
  await migrateToLatest(db);
  const { exitCode, err } = await exportCommand(db, values, process.stdout);
  for (const line of err) console.error(line);
  process.exitCode = exitCode;
} finally {
  await db.destroy();
}
