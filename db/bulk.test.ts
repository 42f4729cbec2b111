import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../tests/db';
import { createConsultation } from '../tests/factories';
import { analyzeAfterBulkLoad, insertMany, isPostgres } from './bulk';
import { inTransaction, type Db } from './connection';
import { seedReference } from './seed/index';

let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let questionId: number;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  consultationId = await createConsultation(db, { sections: [{ key: 's1', questions: [{ key: 'says', kind: 'long_text' }] }] });
  questionId = (await db.selectFrom('questions').select('id').where('key', '=', 'says').executeTakeFirstOrThrow()).id;
});
afterAll(() => destroy());

const response = (n: number) => ({
  consultation_id: consultationId,
  reference: `HRD-BULK-${String(n).padStart(4, '0')}`,
  idempotency_key: `bulk-${n}`,
  channel: 'paper',
  respondent_group: 'resident',
  locale: 'en',
  submitted_at: '2026-03-01T12:00:00.000Z',
  ward_code: n % 3 ? null : 'E05000781',
});

describe('insertMany', () => {
  it('stores every row in order with its text exactly as given, and reads back what it is asked for', async () => {
    // Quotes, backslashes, commas, braces, a NULL-looking string and Urdu: all awkward inside a PostgreSQL array literal.
    const texts = ['plain', 'it\'s "quoted"', 'back\\slash', '{braces},commas', 'NULL', 'میں نے کہا', '', null];
    const rows = Array.from({ length: 40_000 }, (_, n) => response(n));
    const stored = await inTransaction(db, async (trx) => {
      const ids = await insertMany<(typeof rows)[number], { id: number; idempotency_key: string }>(trx, 'responses', rows, ['id', 'idempotency_key']);
      const byKey = new Map(ids.map((r) => [r.idempotency_key, Number(r.id)]));
      const answers = texts.map((text, n) => ({ response_id: byKey.get(`bulk-${n}`)!, question_id: questionId, value_text: text }));
      await insertMany(trx, 'answers', answers);
      return ids;
    });
    expect(stored).toHaveLength(40_000);
    const back = await db
      .selectFrom('responses')
      .select(['id', 'idempotency_key', 'ward_code'])
      .where('consultation_id', '=', consultationId)
      .orderBy('id')
      .execute();
    // Ids follow the order of the rows given.
    expect(back.map((r) => r.idempotency_key)).toEqual(rows.map((r) => r.idempotency_key));
    expect(back.map((r) => r.ward_code)).toEqual(rows.map((r) => r.ward_code));
    const answers = await db.selectFrom('answers').select('value_text').where('question_id', '=', questionId).orderBy('id').execute();
    expect(answers.map((a) => a.value_text)).toEqual(texts);
  });

  it('stores nothing for no rows', async () => {
    expect(await inTransaction(db, (trx) => insertMany(trx, 'answers', []))).toEqual([]);
  });
});

describe('analyzeAfterBulkLoad', () => {
  it('leaves the planner statistics for the responses and answers', async () => {
    await analyzeAfterBulkLoad(db);
    if (isPostgres(db)) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stats where tablename in ('responses', 'answers')`.execute(db);
      expect(rows[0]!.n).toBeGreaterThan(0);
    } else {
      const { rows } = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1 where tbl in ('responses', 'answers') order by tbl`.execute(db);
      expect(rows.map((r) => r.tbl)).toEqual(['answers', 'responses']);
    }
  });
});
