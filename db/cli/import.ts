import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/env.server';
import { COMMAND_LINE } from '../../app/audit/log.server';
import { tFor } from '../../app/i18n/i18n.server';
import { loadIntakeConsultation } from '../../app/intake/consultation.server';
import { importResponses } from '../../app/intake/import.server';
import { problemText } from '../../app/intake/messages';

// npm run import -- --consultation SLUG FILE [--database PATH|URL]
// The same check and import as the workspace's import page: every problem by row and column and
// exit 1 with nothing stored, or "Imported N responses" and exit 0. Audited as the command line.

const t = tFor('en', 'intake');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    consultation: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(t('cli.usage'));
  process.exit(0);
}
const [file, ...extra] = positionals;
if (!values.consultation || !file || extra.length > 0) {
  console.error(t('cli.usage'));
  process.exit(1);
}

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(await readFile(file));
} catch {
  console.error(t('cli.unreadableFile', { file }));
  process.exit(1);
}

const db = openDatabase(values.database ?? env().DATABASE_URL);
let exitCode = 1;
try {
  await migrateToLatest(db);
  const intake = await loadIntakeConsultation(db, { slug: values.consultation });
  if (!intake) {
    console.error(t('cli.noConsultation', { slug: values.consultation }));
  } else {
    const result = await importResponses(db, intake, { fileName: basename(file), bytes, actor: COMMAND_LINE });
    if (result.status === 'imported') {
      console.log(t('cli.imported', { count: result.count }));
      exitCode = 0;
    } else if (result.status === 'duplicate') {
      console.error(t('import.duplicate', { date: result.importedAt, file: result.fileName, count: result.count }));
    } else {
      for (const problem of result.problems) console.error(problemText(t, problem));
    }
  }
} finally {
  await db.destroy();
}
process.exit(exitCode);
