import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createRandom, chance, int, pick, shuffle, type Random } from '#db/seed/random';
import { seedDemo } from '#db/seed/index';
import { createTestDb } from '../../../tests/db';
import { buildConsultationIndex } from './build.server';
import { appendResponse, setResponseStatus, type ConsultationIndex } from './consultation-index';
import { DIMENSIONS } from '../dimensions';
import { changeRandomStatuses, storeRandomResponses } from '../../../tests/random-responses';
import { comparable, summariseBySql } from '../../../tests/sql-summary';
import { summarise, type Filter, type SummaryRequest } from '../summarise';

// The index against a straightforward GROUP BY over the answers table, on the demo data and
// random requests (seeded, so a failure can be replayed), before and after appends and
// exclusions. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.

let db: Db;
let destroy: () => Promise<void>;
let consultations: number[];

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedDemo(db, { responses: 1200, seed: 11, today: new Date('2026-11-01T12:00:00Z') });
  consultations = (await db.selectFrom('consultations').select('id').orderBy('id').execute()).map((c) => c.id);
}, 120_000);
afterAll(() => destroy());

function randomRequest(random: Random, index: ConsultationIndex): SummaryRequest {
  const filter: Filter = {};
  for (const dimension of shuffle(random, DIMENSIONS).slice(0, int(random, 0, 3))) {
    const known = [null, ...index.coder.dictionaries[dimension].values];
    const values = shuffle(random, known).slice(0, int(random, 1, Math.max(1, Math.ceil(known.length / 2))));
    filter[dimension] = chance(random, 0.1) ? [...values, 'never_seen'] : values;
  }
  return { filter, breakdown: chance(random, 0.75) ? pick(random, DIMENSIONS) : undefined };
}

async function expectSameAsSql(index: ConsultationIndex, random: Random, requests: number) {
  for (let i = 0; i < requests; i++) {
    const request = randomRequest(random, index);
    const expected = await summariseBySql(db, index.consultationId, request);
    expect(comparable(summarise(index, request)), JSON.stringify(request)).toEqual(expected);
  }
}

describe('the columnar index of a consultation', () => {
  it('gives the same counts as GROUP BY over the answers, for random filters and breakdowns', async () => {
    const random = createRandom(501);
    for (const id of consultations) {
      const index = await buildConsultationIndex(db, id, { batchSize: 250 });
      await expectSameAsSql(index, random, id === consultations[0] ? 25 : 6);
    }
  });

  it('stays right after responses are appended and excluded or restored, and matches a rebuild', async () => {
    const random = createRandom(502);
    for (const id of consultations.slice(0, 4)) {
      const index = await buildConsultationIndex(db, id);
      for (const r of await storeRandomResponses(db, id, 60, random)) expect(appendResponse(index, r)).toBe(true);
      for (const change of await changeRandomStatuses(db, id, 80, random)) setResponseStatus(index, change.id, change.status);
      await expectSameAsSql(index, random, 10);

      const rebuilt = await buildConsultationIndex(db, id, { batchSize: 97 });
      const request = randomRequest(random, index);
      expect(comparable(summarise(rebuilt, request))).toEqual(comparable(summarise(index, request)));
    }
  });

  it('ignores a response appended twice (a build that raced its submission)', async () => {
    const [id] = consultations;
    const index = await buildConsultationIndex(db, id!);
    const before = summarise(index, { breakdown: 'channel' });
    const [stored] = await storeRandomResponses(db, id!, 1, createRandom(503));
    expect(appendResponse(index, stored!)).toBe(true);
    expect(appendResponse(index, stored!)).toBe(false);
    expect(summarise(index).total.responses).toBe(before.total.responses + 1);
  });
});
