import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import type { Db } from '../connection';
import { down, up } from './20261230_1000_scoped_idempotency';

let db: Db;
let destroy: () => Promise<void>;
beforeAll(async () => ({ db, destroy } = await createTestDb()));
afterAll(() => destroy());

async function insertResponse(consultationId: number, key: string, reference: string): Promise<number> {
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference,
      idempotency_key: key,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  await db
    .insertInto('answers')
    .values({ response_id: id, question_id: question.id, value_text: `answer of ${reference}` })
    .execute();
  return id;
}

const sections = [{ key: 'main', questions: [{ key: 'say', kind: 'short_text' as const }] }];

describe('scoping idempotency keys to their consultation (migration)', () => {
  it('keeps every response and answer, and makes a key unique per consultation instead of everywhere', async () => {
    const first = await createConsultation(db, { sections });
    const second = await createConsultation(db, { sections });
    await down(db);
    await insertResponse(first, 'before', 'HRD-AAAA-AAAA');
    await expect(insertResponse(second, 'before', 'HRD-BBBB-BBBB')).rejects.toThrow();

    await up(db);
    const answers = await db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id').select(['reference', 'value_text']).execute();
    expect(answers).toEqual([{ reference: 'HRD-AAAA-AAAA', value_text: 'answer of HRD-AAAA-AAAA' }]);
    await insertResponse(second, 'before', 'HRD-BBBB-BBBB');
    await expect(insertResponse(first, 'before', 'HRD-CCCC-CCCC')).rejects.toThrow();
    // Foreign keys still hold after the rebuild: a response's answers go with it.
    await db.deleteFrom('responses').where('reference', '=', 'HRD-BBBB-BBBB').execute();
    expect(await db.selectFrom('answers').select('value_text').execute()).toEqual([{ value_text: 'answer of HRD-AAAA-AAAA' }]);
  });
});
