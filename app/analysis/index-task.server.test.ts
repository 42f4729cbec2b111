import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase, type Db } from '#db/connection';
import { migrateToLatest } from '#db/migrate';
import { createRandom } from '#db/seed/random';
import { seedReference } from '#db/seed/index';
import { createHeavyWork, type HeavyWork } from '~/platform/workers/pool.server';
import { announceResponseChange, logResponseChange } from '~/responses/changes.server';
import { createConsultation } from '../../tests/factories';
import { storeRandomResponses } from '../../tests/random-responses';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { indexesOnWorkers } from './index-task.server';
import { analysisIndex, buildIndexesWith, type IndexBuilder } from './indexes.server';
import { summarise } from './summarise';

// A summary index built on a worker thread, from the worker's own connection to the same SQLite
// file, counts exactly what the database holds, broken down and filtered, and keeps counting the
// responses that arrive after it came back (its dictionaries work again once revived).

const dir = mkdtempSync(join(tmpdir(), 'heard-worker-index-'));
const databaseUrl = join(dir, 'heard.sqlite');
let db: Db;
let heavy: HeavyWork;
let onWorkers: IndexBuilder;
let consultationId: number;
let built = 0;

beforeAll(async () => {
  db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  await seedReference(db);
  consultationId = await createConsultation(db, {
    slug: 'parks',
    sections: [
      {
        key: 's',
        questions: [
          { key: 'visit', kind: 'single_choice', options: ['daily', 'weekly', 'rarely'] },
          { key: 'like', kind: 'yes_no' },
        ],
      },
    ],
  });
  await storeRandomResponses(db, consultationId, 2_345, createRandom(11));
  heavy = createHeavyWork({ threads: 1, queue: 2, databaseUrl });
  onWorkers = indexesOnWorkers(heavy)!;
  buildIndexesWith(db, (id) => {
    built += 1;
    return onWorkers(id);
  });
}, 60_000);

afterAll(async () => {
  await heavy.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('a summary index built on a worker thread', () => {
  it('counts what the database holds, overall, by ward and filtered', async () => {
    const index = await analysisIndex(db, consultationId);
    expect(built).toBe(1);
    expect(index.size).toBe(2_345);
    for (const request of [{}, { breakdown: 'ward' as const }, { breakdown: 'ageBand' as const, filter: { channel: ['online'] } }]) {
      expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, consultationId, request));
    }
  });

  it('keeps counting responses stored after it came back', async () => {
    // As storeResponse does: logged, and once committed announced.
    for (const response of await storeRandomResponses(db, consultationId, 7, createRandom(12))) {
      const change = { kind: 'stored', consultationId, response } as const;
      announceResponseChange(db, change, await inTransaction(db, (trx) => logResponseChange(trx, change)));
    }
    const index = await analysisIndex(db, consultationId);
    expect(built).toBe(1);
    expect(comparable(summarise(index, { breakdown: 'ward' }))).toEqual(await summariseBySql(db, consultationId, { breakdown: 'ward' }));
  });

  it('is built here, not on a thread, when the consultation is smaller than the size given', async () => {
    const small = await createConsultation(db, { slug: 'bins', sections: [{ key: 's', questions: [{ key: 'like', kind: 'yes_no' }] }] });
    await storeRandomResponses(db, small, 40, createRandom(13));
    buildIndexesWith(
      db,
      (id) => {
        built += 1;
        return onWorkers(id);
      },
      { fromResponses: 1_000 },
    );
    const index = await analysisIndex(db, small);
    expect(built).toBe(1);
    expect(index.size).toBe(40);
    expect(comparable(summarise(index, { breakdown: 'ward' }))).toEqual(await summariseBySql(db, small, { breakdown: 'ward' }));
  });
});
