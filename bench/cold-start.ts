import { parseArgs } from 'node:util';
import { openDatabase } from '#db/connection';
import { analysisIndex, snapshotIndexesWith } from '~/analysis/indexes.server';
import { summarise } from '~/analysis/summarise';

// A process's cold start on a seeded database (issue 16): the time until its first summary
// answers, built from the responses, then loaded from the saved index and the change log:
//   npm run db:seed -- --responses 1000000 --database /tmp/m1.sqlite --fresh
//   node --import tsx bench/cold-start.ts --database /tmp/m1.sqlite   (or a postgres:// URL)

const { values } = parseArgs({ options: { database: { type: 'string' }, slug: { type: 'string', default: 'one-stockport-conversation' } } });
if (!values.database) throw new Error('--database PATH is required');
const url = values.database;

async function firstAnswer(label: string, save: boolean): Promise<void> {
  const db = openDatabase(url);
  try {
    const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', values.slug).executeTakeFirstOrThrow();
    if (save) snapshotIndexesWith(db, { fromResponses: 1 });
    const started = performance.now();
    const index = await analysisIndex(db, id);
    const summary = summarise(index, { breakdown: 'ward' });
    const ms = performance.now() - started;
    console.log(`${label}: first summary by ward after ${ms.toFixed(0)} ms (${summary.total.responses.toLocaleString('en-GB')} responses counted)`);
    if (save) {
      const saving = performance.now();
      for (;;) {
        const row = await db
          .selectFrom('index_snapshots')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number(row.n) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const bytes = await db
        .selectFrom('index_snapshots')
        .select((eb) => eb.fn.sum<number>(eb.fn('length', ['data'])).as('bytes'))
        .executeTakeFirstOrThrow();
      console.log(`  saved index: ${(Number(bytes.bytes) / 1024 / 1024).toFixed(1)} MB, written within ${(performance.now() - saving).toFixed(0)} ms`);
    }
  } finally {
    await db.destroy();
  }
}

const db = openDatabase(url);
await db.deleteFrom('index_snapshots').execute();
await db.destroy();
await firstAnswer('built from the responses', true);
await firstAnswer('loaded from the saved index', false);
