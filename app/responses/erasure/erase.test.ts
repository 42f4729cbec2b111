import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Database } from '#db/schema';
import { createTestDb } from '../../../tests/db';
import { comparable, summariseBySql } from '../../../tests/sql-summary';
import { analysisIndex } from '~/analysis/indexes.server';
import { jobFile, listExportJobs } from '~/exports/jobs.server';
import { summarise } from '~/analysis/summarise';
import { eraseResponseNow, referenceHash } from './erase.server';
import { countEveryTable, createErasureFixture, everyStoredValue, SECRET_WORDS, type ErasureFixture } from './erasure.fixture';
import { REDACTED_SUMMARY } from './removal.server';

// Erasing a response (issue 18) deletes it and exactly what is derived from it, keeps a record
// of the erasure without its content, and leaves every other row as it was.

let db: Db;
let destroy: () => Promise<void>;
let fixture: ErasureFixture;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  fixture = await createErasureFixture(db);
});
afterAll(() => destroy());

describe('erasing a response', () => {
  let before: Record<keyof Database, number>;
  let countedBefore: number;

  it('deletes the response and exactly what is derived from it, and nothing else', async () => {
    countedBefore = summarise(await analysisIndex(db, fixture.consultationId), {}).total.responses;
    expect(countedBefore).toBe(13);
    expect(await jobFile(db, fixture.consultationId, fixture.exportJobId)).not.toBeNull();
    before = await countEveryTable(db);
    const result = await eraseResponseNow(db, { responseId: fixture.target.id, reason: 'request', requestId: 42, actor: fixture.actor });
    if (!result.ok) throw new Error('The response was not found');
    expect(result.consultationId).toBe(fixture.consultationId);
    expect(result.removed).toEqual({
      responses: 1,
      answers: 2,
      codings: 1,
      coding_themes: 1,
      coding_sample_answers: 1,
      quotes: 1,
      drafts: 1,
      export_jobs: 1,
      export_file_chunks: 2,
      // Keyed in? no; coded, sampled? no (the sample names no answer); picked, removed, picked; excluded, restored.
      audit_entries_redacted: 6,
    });

    const after = await countEveryTable(db);
    const changed = Object.fromEntries(
      (Object.keys(before) as (keyof Database)[]).filter((table) => before[table] !== after[table]).map((table) => [table, after[table] - before[table]]),
    );
    expect(changed).toEqual({
      responses: -1,
      answers: -2,
      codings: -1,
      coding_themes: -1,
      coding_sample_answers: -1,
      quotes: -1,
      response_drafts: -1,
      export_jobs: -1,
      export_file_chunks: -2,
      erasures: 1,
      audit_events: 1,
      // An 'erased' entry for the summaries and a 'pages' one for every process's page cache.
      change_log: 2,
    });
    const kinds = await db.selectFrom('change_log').select(['kind', 'response_id']).orderBy('seq', 'desc').limit(2).execute();
    expect(kinds).toEqual([
      { kind: 'erased', response_id: fixture.target.id },
      { kind: 'pages', response_id: null },
    ]);
  });

  it('leaves no export made before it to download', async () => {
    expect(await listExportJobs(db, fixture.consultationId)).toEqual([]);
    expect(await jobFile(db, fixture.consultationId, fixture.exportJobId)).toBeNull();
  });

  it('keeps the person nowhere: no table holds their words, their reference or their key', async () => {
    const values = await everyStoredValue(db);
    for (const needle of [SECRET_WORDS, 'duck pond at Vernon Park', fixture.target.reference, fixture.target.idempotencyKey]) {
      expect(values.filter((v) => v.text.includes(needle)).map((v) => v.where)).toEqual([]);
    }
  });

  it('records the erasure with counts, the hash of the reference, why and who', async () => {
    const erasure = await db.selectFrom('erasures').selectAll().executeTakeFirstOrThrow();
    const response = { consultation_id: fixture.consultationId, response_id: fixture.target.id, channel: 'online', reason: 'request', request_id: 42 };
    expect(erasure).toMatchObject({ ...response, reference_sha256: referenceHash(fixture.target.reference), erased_by: fixture.officer.id });
    expect(erasure.reference_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(erasure.removed)).toMatchObject({ answers: 2, quotes: 1 });
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'response.erase').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      user_id: fixture.officer.id,
      entity_type: 'response',
      entity_id: String(fixture.target.id),
      consultation_id: fixture.consultationId,
    });
    expect(audit.summary).toBe(
      "Response erased (at the resident's request): answers: 2, codings: 1, coding themes: 1, coding sample answers: 1, quotes: 1, drafts: 1, export jobs: 1, export file chunks: 2, audit entries redacted: 6",
    );
    // The earlier entries about it keep who did what and when, without what they quoted.
    const earlier = await db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'before_json', 'after_json', 'reason'])
      .where('summary', '=', REDACTED_SUMMARY)
      .orderBy('id')
      .execute();
    expect(earlier.map((e) => e.action)).toEqual(['coding.save', 'quote.pick', 'quote.remove', 'quote.pick', 'response.exclude', 'response.restore']);
    expect(earlier.every((e) => e.before_json === null && e.after_json === null && e.reason === null)).toBe(true);
  });

  it('is counted out of the summaries at once, as a recount from the database says', async () => {
    const index = await analysisIndex(db, fixture.consultationId);
    expect(summarise(index, {}).total.responses).toBe(countedBefore - 1);
    for (const request of [{}, { breakdown: 'ward' as const }, { breakdown: 'ageBand' as const }]) {
      expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, fixture.consultationId, request));
    }
  });

  it('answers "not found" for a response erased already or never stored, and writes nothing', async () => {
    const counts = await countEveryTable(db);
    expect(await eraseResponseNow(db, { responseId: fixture.target.id, reason: 'officer', actor: fixture.actor })).toEqual({ ok: false, reason: 'not_found' });
    expect(await eraseResponseNow(db, { responseId: 999_999, reason: 'officer', actor: fixture.actor })).toEqual({ ok: false, reason: 'not_found' });
    expect(await countEveryTable(db)).toEqual(counts);
  });

  it('erases once when two officers erase the same response at the same moment', async () => {
    const responseId = fixture.others[1]!;
    const erasures = async () =>
      Number(
        (
          await db
            .selectFrom('erasures')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await erasures();
    const results = await Promise.all([1, 2].map(() => eraseResponseNow(db, { responseId, reason: 'officer', actor: fixture.actor })));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(await erasures()).toBe(before + 1);
  });
});
