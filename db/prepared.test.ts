import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../tests/db';
import { createConsultation } from '../tests/factories';
import { inTransaction, type Db, type Trx } from './connection';
import { prepared } from './prepared';
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

const insertResponse = prepared((trx: Db | Trx, v: { row: { reference: string; idempotency_key: string; ward_code?: string | null } }) =>
  trx
    .insertInto('responses')
    .values({
      ...v.row,
      consultation_id: consultationId,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: '2026-03-01T12:00:00.000Z',
    })
    .returning('id'),
);
const insertAnswers = prepared((trx: Db | Trx, v: { rows: { response_id: number; question_id: number; value_text?: string | null; rank?: number | null }[] }) =>
  trx.insertInto('answers').values(v.rows),
);

describe('prepared queries', () => {
  it('stores each call its own values, whatever shape (keys present, rows) the values take', async () => {
    const texts = ['plain', 'it\'s "quoted"', 'میں نے کہا', '', null];
    const ids: number[] = [];
    await inTransaction(db, async (trx) => {
      for (let n = 0; n < 6; n++) {
        const row = { reference: `HRD-PREP-${n}`, idempotency_key: `prep-${n}`, ...(n % 2 ? { ward_code: n === 3 ? null : 'E05000781' } : {}) };
        const [stored] = (await insertResponse(trx, { row })).rows;
        ids.push(Number(stored!.id));
        // One to five rows, some with a rank, each with its own text.
        const rows = texts
          .slice(0, n === 0 ? 1 : n)
          .map((text, i) => ({ response_id: ids[n]!, question_id: questionId, value_text: text, ...(n > 3 ? { rank: i + 1 } : {}) }));
        await insertAnswers(trx, { rows });
      }
    });
    const responses = await db
      .selectFrom('responses')
      .select(['id', 'reference', 'idempotency_key', 'ward_code'])
      .where('reference', 'like', 'HRD-PREP-%')
      .orderBy('id')
      .execute();
    expect(responses.map((r) => [Number(r.id), r.reference, r.idempotency_key, r.ward_code])).toEqual([
      [ids[0], 'HRD-PREP-0', 'prep-0', null],
      [ids[1], 'HRD-PREP-1', 'prep-1', 'E05000781'],
      [ids[2], 'HRD-PREP-2', 'prep-2', null],
      [ids[3], 'HRD-PREP-3', 'prep-3', null],
      [ids[4], 'HRD-PREP-4', 'prep-4', null],
      [ids[5], 'HRD-PREP-5', 'prep-5', 'E05000781'],
    ]);
    const answers = await db.selectFrom('answers').select(['response_id', 'value_text', 'rank']).where('response_id', 'in', ids).orderBy('id').execute();
    expect(answers.map((a) => [Number(a.response_id), a.value_text, a.rank])).toEqual([
      [ids[0], 'plain', null],
      [ids[1], 'plain', null],
      [ids[2], 'plain', null],
      [ids[2], 'it\'s "quoted"', null],
      [ids[3], 'plain', null],
      [ids[3], 'it\'s "quoted"', null],
      [ids[3], 'میں نے کہا', null],
      [ids[4], 'plain', 1],
      [ids[4], 'it\'s "quoted"', 2],
      [ids[4], 'میں نے کہا', 3],
      [ids[4], '', 4],
      [ids[5], 'plain', 1],
      [ids[5], 'it\'s "quoted"', 2],
      [ids[5], 'میں نے کہا', 3],
      [ids[5], '', 4],
      [ids[5], null, 5],
    ]);
  });

  it('keeps values bound inside raw SQL, and refuses a value used as anything but a value', async () => {
    const echo = prepared((trx: Db | Trx, v: { a: string; b: number }) =>
      trx.selectNoFrom([sql<string>`cast(${v.a} as text)`.as('a'), sql<number>`cast(${v.b} as integer)`.as('b'), sql<number>`cast(${7} as integer)`.as('c')]),
    );
    expect((await echo(db, { a: 'first', b: 1 })).rows).toEqual([{ a: 'first', b: 1, c: 7 }]);
    expect((await echo(db, { a: 'second', b: 2 })).rows).toEqual([{ a: 'second', b: 2, c: 7 }]);
    const misused = prepared((trx: Db | Trx, v: { a: string }) => trx.selectNoFrom(sql<string>`${v.a.toUpperCase()}`.as('a')));
    await expect(misused(db, { a: 'x' })).rejects.toThrow('1 of its values not bound as values');
  });
});
