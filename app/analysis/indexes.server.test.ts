import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { findConsultation } from '~/consultations/find.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { loadIntakeConsultation } from '~/responses/import/consultation.server';
import { importResponses } from '~/responses/import/import.server';
import { changeResponseStatus } from '~/responses/moderation/status.server';
import { storeResponse } from '~/responses/submit.server';
import { analysisIndex, dropAnalysisIndex, hasAnalysisIndex } from './indexes.server';
import { comparable, summariseBySql } from '../../tests/sql-summary';
import { summarise } from './summarise';

// The registry keeps each consultation's index in step with the database through the real
// code paths that change responses (the online form's store, a spreadsheet import, exclusion
// and restore), including changes that land while the index is still being built.

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let pick: { questionId: number; options: number[] };
let officer: { id: number; email: string };
let sequence = 0;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  consultationId = await createConsultation(db, {
    sections: [
      {
        key: 's1',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['buses', 'trams'] },
          { key: 'says', kind: 'short_text' },
        ],
      },
    ],
  });
  const question = await db
    .selectFrom('questions')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .where('key', '=', 'pick')
    .executeTakeFirstOrThrow();
  const options = await db.selectFrom('options').select('id').where('question_id', '=', question.id).orderBy('position').execute();
  pick = { questionId: question.id, options: options.map((o) => o.id) };
  const now = new Date().toISOString();
  officer = await db
    .insertInto('users')
    .values({ email: 'officer@example.test', role: 'officer', status: 'active', created_at: now, updated_at: now })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
});
afterAll(() => destroy());

function store(option: 0 | 1, ward = 'E05000784') {
  sequence += 1;
  return storeResponse(
    db,
    {
      consultationId,
      fields: { respondent_group: 'resident', ward_code: ward, age_band: '25_34' },
      answers: [{ question_id: pick.questionId, option_id: pick.options[option]!, rank: null, value_number: null, value_text: null }],
    },
    { idempotencyKey: `registry-${sequence}`, locale: 'en', channel: 'online', draftToken: null, now: new Date() },
  );
}

async function expectIndexMatchesDatabase() {
  const index = await analysisIndex(db, consultationId);
  for (const request of [{}, { breakdown: 'ward' as const }, { filter: { channel: ['paper'] }, breakdown: 'ageBand' as const }]) {
    expect(comparable(summarise(index, request))).toEqual(await summariseBySql(db, consultationId, request));
  }
  return summarise(index);
}

const chosen = (summary: ReturnType<typeof summarise>) => summary.total.questions.find((q) => q.key === 'pick')!.options.map((o) => o.count);

describe('the index registry', () => {
  it('builds an index on first use and keeps it in step with stored responses and exclusions', async () => {
    await store(0);
    expect(hasAnalysisIndex(db, consultationId)).toBe(false);
    expect(chosen(await expectIndexMatchesDatabase())).toEqual([1, 0]);

    const { reference } = await store(1);
    await store(1);
    expect(chosen(await expectIndexMatchesDatabase())).toEqual([1, 2]);

    const spam = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    await changeResponseStatus(db, officer, { consultationId, responseId: spam.id, status: 'spam', reason: 'Test entry' });
    expect(chosen(await expectIndexMatchesDatabase())).toEqual([1, 1]);
    await changeResponseStatus(db, officer, { consultationId, responseId: spam.id, status: 'counted', reason: 'Real after all' });
    expect(chosen(await expectIndexMatchesDatabase())).toEqual([1, 2]);
  });

  it('does not count a resent response twice', async () => {
    const before = summarise(await analysisIndex(db, consultationId)).total.responses;
    const first = await store(0);
    sequence -= 1; // the same idempotency key again: a double click
    const again = await store(0);
    expect(again).toEqual({ reference: first.reference, duplicate: true });
    expect(summarise(await analysisIndex(db, consultationId)).total.responses).toBe(before + 1);
  });

  it('counts what is stored while the index is being built, once', async () => {
    dropAnalysisIndex(db, consultationId);
    const building = analysisIndex(db, consultationId);
    await Promise.all([store(0), store(1), store(1)]);
    await building;
    await expectIndexMatchesDatabase();
  });

  it('counts the responses of an imported spreadsheet once the import has committed', async () => {
    const intake = await loadIntakeConsultation(db, (await findConsultation(db, consultationId))!);
    const before = chosen(summarise(await analysisIndex(db, consultationId)));
    const csv = [
      'channel,submitted_at,pick,ward',
      'paper,2026-03-01,buses,Bramhall North',
      'paper,2026-03-02,trams,Marple North',
      'workshop,2026-03-02,trams,',
    ].join('\n');
    const result = await importResponses(db, intake, { fileName: 'paper.csv', bytes: new TextEncoder().encode(csv), actor: COMMAND_LINE });
    expect(result.status).toBe('imported');
    // The import's responses are read back from the database after the commit.
    await expect.poll(async () => chosen(summarise(await analysisIndex(db, consultationId)))).toEqual([before[0]! + 1, before[1]! + 2]);
    await expectIndexMatchesDatabase();
  });

  it('rebuilds when a question is added in the builder, before anyone answers it', async () => {
    const before = await analysisIndex(db, consultationId);
    expect(before.questions.map((q) => q.key)).toEqual(['pick']);
    const section = await db.selectFrom('sections').select('id').where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
    await db
      .insertInto('questions')
      .values({ consultation_id: consultationId, section_id: section.id, key: 'rate', position: 9, kind: 'rating', text: 'Rate it', rating_max: 5 })
      .execute();
    const after = await analysisIndex(db, consultationId);
    expect(after).not.toBe(before);
    expect(after.questions.map((q) => q.key)).toEqual(['pick', 'rate']);
    await expectIndexMatchesDatabase();
    expect(await analysisIndex(db, consultationId)).toBe(after);
  });
});
