import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createHeavyWork, type HeavyTask, type HeavyWork } from '~/platform/workers/pool.server';
import type { RetentionDefaults } from '~/retention/policy';
import { createConsultation } from '../../tests/factories';
import { createSharedTestDb } from '../../tests/db';
import { loadFullRecord, loadRecordsInFull, requireConsultationRecord } from './load.server';

// A big consultation's record is read on a worker thread (the real worker entry, on its own
// connection) and comes back the same as one read on this thread; a small one stays here.

const DEFAULTS: RetentionDefaults = { months: 12, freeText: 'keep', aboutYou: 'keep' };
const NOW = new Date('2027-03-01T00:00:00.000Z');

let shared: Awaited<ReturnType<typeof createSharedTestDb>>;
let db: Db;
let heavy: HeavyWork;
let consultationId: number;
const ran: string[] = [];

beforeAll(async () => {
  shared = await createSharedTestDb();
  db = shared.open();
  consultationId = await createConsultation(db, {
    closesAt: '2027-01-31T12:00:00.000Z',
    sections: [{ key: 's', questions: [{ key: 'why', kind: 'long_text' }] }],
  });
  const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  for (let i = 0; i < 30; i++) {
    const { id } = await db
      .insertInto('responses')
      .values({
        consultation_id: consultationId,
        reference: `HRD-WORK-${String(i).padStart(4, '0')}`,
        idempotency_key: `w-${i}`,
        channel: 'online',
        respondent_group: 'resident',
        locale: 'en',
        submitted_at: '2027-01-02T10:00:00.000Z',
        sex: i % 2 ? 'female' : null,
        status: i < 3 ? 'spam' : 'counted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i % 3 === 0)
      await db
        .insertInto('answers')
        .values({ response_id: id, question_id: question.id, value_text: i === 0 ? 'call 07700 900123' : 'fine' })
        .execute();
  }
  const pool = createHeavyWork({ threads: 1, queue: 2, databaseUrl: shared.url });
  heavy = { ...pool, run: <Task extends HeavyTask>(task: Task) => (ran.push(task.kind), pool.run(task)), close: () => pool.close() };
}, 60_000);
afterAll(async () => {
  await heavy?.close();
  await shared?.destroy();
});

describe('the record in full', () => {
  it('is read on a worker from the size given, and is the same as read here', async () => {
    const here = await loadRecordsInFull(db, undefined, [consultationId], DEFAULTS, NOW);
    expect(ran).toEqual([]);
    const onWorker = await loadRecordsInFull(db, heavy, [consultationId], DEFAULTS, NOW, 30);
    expect(ran).toEqual(['record']);
    expect(onWorker).toEqual(here);
    expect(here[0]).toMatchObject({
      responses: { counted: 27, excluded: 3 },
      holdings: { categories: { sex: 15, free_text: 10 }, freeTextAnswers: 10 },
      contactDetails: { responses: 1, byKind: { phone: 1 } },
      retention: { date: '2028-01-31T12:00:00.000Z' },
    });
  }, 60_000);

  it('stays on this thread below that size', async () => {
    ran.length = 0;
    const [record] = await loadRecordsInFull(db, heavy, [consultationId], DEFAULTS, NOW, 31);
    expect(ran).toEqual([]);
    expect(record?.responses.counted).toBe(27);
  });

  it('answers a missing consultation with a 404 and downloads every one', async () => {
    await expect(requireConsultationRecord(db, heavy, '424242', DEFAULTS, NOW)).rejects.toMatchObject({ init: { status: 404 } });
    expect((await loadFullRecord(db, heavy, DEFAULTS, NOW)).map((r) => r.id)).toEqual([consultationId]);
  });
});
