import { parseArgs } from 'node:util';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/platform/env.server';
import { COMMAND_LINE } from '../../app/platform/audit.server';
import { runRetention } from '../../app/retention/anonymise.server';
import { retentionDefaults } from '../../app/retention/defaults.server';
import { describeRun } from '../../app/retention/report';

// npm run retention -- [--dry-run] [--database PATH|URL]
// Anonymises the responses of every consultation whose retention date has come (issue 18), as
// the daily job does; --dry-run lists per consultation what would change and changes nothing.
// Exit 0 done, 1 a mistake in the command.

const usage = 'Usage: npm run retention -- [--dry-run] [--database PATH|URL]';

let parsed;
try {
  parsed = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error((error as Error).message);
  console.error(usage);
  process.exit(1);
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const db = openDatabase(values.database ?? env().DATABASE_URL);
try {
  await migrateToLatest(db);
  const run = await runRetention(db, COMMAND_LINE, { defaults: retentionDefaults(), dryRun: values['dry-run'] });
  console.log(describeRun(run));
} finally {
  await db.destroy();
}
