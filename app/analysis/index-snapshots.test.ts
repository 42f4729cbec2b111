import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase, type Db } from '#db/connection';
import { createRandom } from '#db/seed/random';
import { seedReference } from '#db/seed/index';
import { createConsultation } from '../../tests/factories';
import { storeRandomResponses } from '../../tests/random-responses';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { createTwoProcesses } from '../../tests/db';
import { lastChangeSeq } from '~/platform/change-log.server';
import { announceResponseChange, logResponseChange } from '~/responses/changes.server';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import { buildConsultationIndex } from './index/build.server';
import { loadSnapshot, saveSnapshot, takeSnapshot } from './index/snapshot.server';
import { analysisIndex, buildIndexesWith, pruneChangeLog, snapshotIndexesWith } from './indexes.server';
import { summarise } from './summarise';

// A process that starts loads the saved index and replays the log after it (issue 16), and
// counts exactly what a fresh build counts; a saved index that misses responses the log does not
// account for is set aside and the index built afresh.

let a: Db;
let url: string;
let destroy: () => Promise<void>;
let consultationId: number;
let officer: { id: number; email: string };
const others: Db[] = [];
let started = 0;
const random = createRandom(16);

beforeAll(async () => {
  let b: Db;
  ({ a, b, url, destroy } = await createTwoProcesses());
  others.push(b);
  await seedReference(a);
  consultationId = await createConsultation(a, {
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['buses', 'trams', 'bikes'] },
          { key: 'many', kind: 'multiple_choice', options: ['parks', 'roads', 'schools', 'shops'] },
          { key: 'rate', kind: 'rating', ratingMax: 5 },
          { key: 'order', kind: 'ranking', options: ['a', 'b', 'c', 'd'], rankCount: 3 },
        ],
      },
    ],
  });
  const now = new Date().toISOString();
  officer = await a
    .insertInto('users')
    .values({ email: 'officer@example.test', role: 'officer', status: 'active', created_at: now, updated_at: now })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
});
afterAll(async () => {
  await Promise.all(others.slice(1).map((db) => db.destroy()));
  await destroy();
});

/** Random responses stored and logged, as storeResponse does. */
async function storeLogged(db: Db, count: number) {
  const stored = await storeRandomResponses(db, consultationId, count, random);
  for (const response of stored) {
    const change = { kind: 'stored', consultationId, response } as const;
    announceResponseChange(db, change, await inTransaction(db, (trx) => logResponseChange(trx, change)));
  }
  return stored;
}

/** A process starting now: its own connection, counting the builds it makes. */
function startProcess() {
  // The second connection the helper opened first, then new ones.
  const db = started++ === 0 ? others[0]! : openDatabase(url);
  if (!others.includes(db)) others.push(db);
  const counter = { builds: 0 };
  buildIndexesWith(db, (id) => {
    counter.builds += 1;
    return buildConsultationIndex(db, id);
  });
  return { db, counter };
}

const savedSeq = async () => (await a.selectFrom('index_snapshots').select('seq').where('chunk', '=', 0).executeTakeFirst())?.seq;

async function expectCountsOfDatabase(db: Db) {
  const index = await analysisIndex(db, consultationId);
  for (const request of [{}, { breakdown: 'ward' as const }, { breakdown: 'ageBand' as const, filter: { channel: ['online'] } }]) {
    expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, consultationId, request));
  }
  // And exactly what a fresh build counts, groups and all.
  expect(summarise(index, { breakdown: 'ethnicity' })).toEqual(summarise(await buildConsultationIndex(db, consultationId), { breakdown: 'ethnicity' }));
  return index;
}

describe('a saved summary index', () => {
  it('is loaded by a process that starts, with the changes logged since, instead of a build', async () => {
    await storeLogged(a, 120);
    snapshotIndexesWith(a, { fromResponses: 1, everyMs: 60_000 });
    await analysisIndex(a, consultationId);
    await expect.poll(savedSeq).toBe(await lastChangeSeq(a));

    // After the save: more responses, an exclusion and a restore.
    const later = await storeLogged(a, 30);
    await changeResponseStatus(a, officer, { consultationId, responseId: later[0]!.id, status: 'spam', reason: 'Test' });
    await changeResponseStatus(a, officer, { consultationId, responseId: later[1]!.id, status: 'duplicate', reason: 'Twice' });
    await changeResponseStatus(a, officer, { consultationId, responseId: later[1]!.id, status: 'counted', reason: 'Not twice' });

    const started = startProcess();
    const index = await expectCountsOfDatabase(started.db);
    expect(started.counter.builds).toBe(0);
    expect(index.size).toBe(150);
  });

  it('is set aside when the database holds responses the log does not account for', async () => {
    // Stored with no log entry (as a seed does): a saved index cannot know of them.
    await storeRandomResponses(a, consultationId, 5, random);
    const started = startProcess();
    const index = await expectCountsOfDatabase(started.db);
    expect(started.counter.builds).toBe(1);
    expect(index.size).toBe(155);
    // The index built instead is saved in its place, for the next process.
    snapshotIndexesWith(started.db, { fromResponses: 1, everyMs: 60_000 });
    await analysisIndex(started.db, consultationId);
    await expect.poll(savedSeq).toBe(await lastChangeSeq(a));
    const next = startProcess();
    await expectCountsOfDatabase(next.db);
    expect(next.counter.builds).toBe(0);
  });

  it('lets the log be pruned up to the oldest saved position only', async () => {
    await storeLogged(a, 3);
    const saved = Number(await savedSeq());
    const last = await lastChangeSeq(a);
    expect(last).toBeGreaterThan(saved);
    // Nothing is old enough yet.
    expect(await pruneChangeLog(a)).toBe(0);
    // A day later: everything before the save goes, everything after it stays for a process to replay.
    await pruneChangeLog(a, { now: new Date(Date.now() + 24 * 3_600_000) });
    const left = await a.selectFrom('change_log').select('seq').orderBy('seq').execute();
    expect(left.map((r) => r.seq)).toEqual(Array.from({ length: last - saved + 1 }, (_, i) => saved + i));
    const started = startProcess();
    await expectCountsOfDatabase(started.db);
  });

  it('comes back whole from many chunks, for the questions it was made for only', async () => {
    const index = await analysisIndex(a, consultationId);
    const seq = (await lastChangeSeq(a)) + 1;
    const bytes = takeSnapshot(index);
    expect(await saveSnapshot(a, consultationId, bytes, { seq, stamp: 'test', chunkBytes: 1_000 })).toBe(true);
    const chunks = await a.selectFrom('index_snapshots').select('chunk').where('consultation_id', '=', consultationId).execute();
    expect(chunks.length).toBeGreaterThan(1);
    const loaded = (await loadSnapshot(a, consultationId, 'test'))!;
    expect(loaded.seq).toBe(seq);
    expect(summarise(loaded.index, { breakdown: 'ward' })).toEqual(summarise(index, { breakdown: 'ward' }));
    expect(await loadSnapshot(a, consultationId, 'other questions')).toBeNull();
    // One no newer than the saved one does not replace it.
    expect(await saveSnapshot(a, consultationId, bytes, { seq, stamp: 'test' })).toBe(false);
  });
});
