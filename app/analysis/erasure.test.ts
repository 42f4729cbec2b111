import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '#db/connection';
import { createTwoProcesses } from '../../tests/db';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { createErasureFixture, type ErasureFixture } from '~/responses/erasure/erasure.fixture';
import { eraseResponseNow } from '~/responses/erasure/erase.server';
import { startChangeFeed, lastChangeSeq, type ChangeFeed } from '~/platform/change-log.server';
import { PageCache } from '~/platform/http/page-cache.server';
import { storeResponse } from '~/responses/submit.server';
import { buildConsultationIndex } from './index/build.server';
import { rowOf } from './index/consultation-index';
import { loadSnapshot, saveSnapshot, takeSnapshot } from './index/snapshot.server';
import { analysisIndex, buildIndexesWith, snapshotIndexesWith } from './indexes.server';
import { summarise } from './summarise';

// An erased response (issue 18) leaves every process's counts: the other process's summaries as
// soon as the change feed tells it (and before it answers in any case), its cached public pages,
// and a process that starts later from an index saved before the erasure, which replays the
// erasure and must not take the missing row for a sign that its snapshot is stale.

let a: Db;
let b: Db;
let url: string;
let destroy: () => Promise<void>;
let fixture: ErasureFixture;
const feeds: ChangeFeed[] = [];
const started: Db[] = [];

beforeAll(async () => {
  ({ a, b, url, destroy } = await createTwoProcesses());
  fixture = await createErasureFixture(a);
  for (const db of [a, b]) feeds.push(startChangeFeed(db, { databaseUrl: url, pollMs: 50 }));
});
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.stop()));
  await Promise.all(started.map((db) => db.destroy()));
  await destroy();
});

/** The process's summary, after checking it (and a breakdown) against a recount in SQL. */
async function counted(db: Db): Promise<number> {
  const index = await analysisIndex(db, fixture.consultationId);
  for (const request of [{}, { breakdown: 'ward' as const }, { breakdown: 'ageBand' as const, filter: { channel: ['online'] } }]) {
    expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, fixture.consultationId, request));
  }
  return summarise(index).total.responses;
}

/** A process starting now, counting the index builds it makes. */
function startProcess() {
  const db = openDatabase(url);
  started.push(db);
  const counter = { builds: 0 };
  buildIndexesWith(db, (id) => {
    counter.builds += 1;
    return buildConsultationIndex(db, id);
  });
  return { db, counter };
}

const savedSeq = async () => (await a.selectFrom('index_snapshots').select('seq').where('chunk', '=', 0).executeTakeFirst())?.seq;

describe('an erased response, on every process', () => {
  it('leaves the other process’s counts and cached pages', async () => {
    expect(await counted(a)).toBe(13);
    expect(await counted(b)).toBe(13);
    // A third process saves its index now, before the erasure, and then stops (the next test
    // starts a process from that snapshot).
    const saver = startProcess();
    snapshotIndexesWith(saver.db, { fromResponses: 1, everyMs: 60 * 60_000 });
    await analysisIndex(saver.db, fixture.consultationId);
    await expect.poll(savedSeq).toBe(await lastChangeSeq(a));

    const pagesB = new PageCache(60_000);
    const unshare = pagesB.share(b);
    pagesB.set('/en/consultations/results', { status: 200, headers: [], body: Buffer.from('<p>13 responses</p>') });
    const indexB = await analysisIndex(b, fixture.consultationId);

    const result = await eraseResponseNow(a, { responseId: fixture.target.id, reason: 'request', actor: fixture.actor });
    expect(result.ok).toBe(true);
    // Told by the feed, B's index and page cache move without B being asked for a page...
    await expect.poll(() => summarise(indexB).total.responses).toBe(12);
    await expect.poll(() => pagesB.size).toBe(0);
    unshare();
    // ...and both agree with the database.
    expect(await counted(b)).toBe(12);
    expect(await counted(a)).toBe(12);
  });

  it('is counted out by a process that starts from an index saved before the erasure, with no build', async () => {
    const snapshotBefore = Number(await savedSeq());
    expect(snapshotBefore).toBeLessThan(await lastChangeSeq(a));
    const fresh = startProcess();
    expect(await counted(fresh.db)).toBe(12);
    expect(fresh.counter.builds).toBe(0);
    // The snapshot was used, not set aside.
    expect(Number(await savedSeq())).toBe(snapshotBefore);
  });

  it('is counted out from an index saved after the erasure, and from one that never held the response', async () => {
    // Saved after: the index still has the erased row, blanked, and knows it.
    const index = await analysisIndex(a, fixture.consultationId);
    expect(index.erased.has(fixture.target.id)).toBe(true);
    const seq = await lastChangeSeq(a);
    expect(
      await saveSnapshot(a, fixture.consultationId, takeSnapshot(index), {
        seq,
        stamp: (await a.selectFrom('index_snapshots').select('stamp').executeTakeFirstOrThrow()).stamp,
      }),
    ).toBe(true);
    const afterSave = startProcess();
    expect(await counted(afterSave.db)).toBe(12);
    expect(afterSave.counter.builds).toBe(0);

    // Stored and erased after the save: the log has both, the database neither.
    const stored = await storeResponse(
      a,
      { consultationId: fixture.consultationId, fields: { respondent_group: 'resident' }, answers: [] },
      { idempotencyKey: 'short-lived', locale: 'en', channel: 'online', draftToken: null, now: new Date() },
    );
    const { id } = await a.selectFrom('responses').select('id').where('reference', '=', stored.reference).executeTakeFirstOrThrow();
    expect(await counted(a)).toBe(13);
    expect((await eraseResponseNow(a, { responseId: id, reason: 'officer', actor: fixture.actor })).ok).toBe(true);
    const later = startProcess();
    expect(await counted(later.db)).toBe(12);
    expect(later.counter.builds).toBe(0);
    expect(await counted(a)).toBe(12);
  });

  it('is taken out of the saved snapshot at once by a process that saves them, not at the next regular save', async () => {
    const saving = startProcess();
    snapshotIndexesWith(saving.db, { fromResponses: 1, everyMs: 60 * 60_000 });
    await analysisIndex(saving.db, fixture.consultationId);
    const { stamp } = await a.selectFrom('index_snapshots').select('stamp').executeTakeFirstOrThrow();
    // It started from the snapshot there, which holds every response but the erased one.
    const victim = fixture.others[0]!;
    expect(rowOf((await loadSnapshot(a, fixture.consultationId, stamp))!.index, victim)).toBeGreaterThanOrEqual(0);

    expect((await eraseResponseNow(saving.db, { responseId: victim, reason: 'officer', actor: fixture.actor })).ok).toBe(true);
    const erasedAt = await lastChangeSeq(a);
    // An hour before the next regular save, the snapshot is replaced by one past the erasure...
    await expect.poll(async () => Number(await savedSeq())).toBeGreaterThanOrEqual(erasedAt);
    // ...whose row for the response is blank: no group, no answer.
    const saved = (await loadSnapshot(a, fixture.consultationId, stamp))!.index;
    expect(saved.erased.has(victim)).toBe(true);
    const row = rowOf(saved, victim);
    expect(saved.counted[row]).toBe(0);
    expect(Object.values(saved.dimensions).map((codes) => codes[row])).toEqual(Object.values(saved.dimensions).map(() => 0));
    const answers = saved.questions.map((c) => (c.shape === 'choice' || c.shape === 'rating' ? c.codes[row] : 0));
    expect(answers).toEqual(saved.questions.map(() => 0));
    const later = startProcess();
    expect(await counted(later.db)).toBe(11);
    expect(later.counter.builds).toBe(0);
  });
});
