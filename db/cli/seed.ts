import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openDatabase, type Db } from '../connection';
import { migrateDown, migrateToLatest } from '../migrate';
import { seedDemo } from '../seed/index';
import { env } from '../../app/platform/env.server';

// npm run db:seed -- [--responses N] [--seed S] [--database PATH|URL] [--fresh]
// Migrates, then adds the reference data and the demo (skipped if consultations exist).

const usage = 'Usage: npm run db:seed -- [--responses 3800] [--seed 2020] [--database data/heard.sqlite] [--fresh]';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '3800' },
    seed: { type: 'string', default: '2020' },
    database: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const responses = Number(values.responses);
const seed = Number(values.seed);
if (!Number.isInteger(responses) || responses < 0 || !Number.isInteger(seed)) {
  console.error(usage);
  process.exit(1);
}
const url = values.database ?? env().DATABASE_URL;

async function emptyDatabase(db: Db): Promise<void> {
  while ((await migrateDown(db)).length > 0) {
    // one migration down at a time, until none is left
  }
}

if (values.fresh && !isPostgresUrl(url) && url !== ':memory:') {
  const path = url.replace(/^(file|sqlite):(\/\/)?/, '');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

const db = openDatabase(url);
const started = performance.now();
try {
  if (values.fresh && isPostgresUrl(url)) await emptyDatabase(db);
  const migrations = await migrateToLatest(db);
  if (migrations.length > 0) console.log(`Migrated: ${migrations.join(', ')}`);

  let lastReport = 0;
  const slugStarted = new Map<string, number>();
  const summary = await seedDemo(db, {
    responses,
    seed,
    onProgress: (slug, done, total) => {
      const now = performance.now();
      if (done === 0) slugStarted.set(slug, now);
      else if (done === total || now - lastReport > 2000) {
        lastReport = now;
        const seconds = Math.max((now - (slugStarted.get(slug) ?? now)) / 1000, 0.001);
        const rate = Math.round(done / seconds);
        process.stdout.write(`\r${slug}: ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} responses (${rate}/s)   `);
        if (done === total) process.stdout.write('\n');
      }
    },
  });

  if (summary.skipped) {
    console.log(`${url} already has consultations: demo content skipped (use --fresh to start again).`);
  }
  const counts = await Promise.all(
    (['wards', 'themes', 'priorities', 'consultations', 'questions', 'options', 'translations', 'responses', 'answers'] as const).map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  console.log(`\n${url}`);
  for (const [table, n] of counts) console.log(`  ${table.padEnd(14)} ${n.toLocaleString('en-GB').padStart(12)}`);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error('Seeding failed:', error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
