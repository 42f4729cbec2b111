import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createConsultation } from '../../../tests/factories';
import { createTestDb } from '../../../tests/db';
import { findConsultation } from '~/consultations/find.server';
import { submitResponse } from '~/responses/submit.server';
import { loadIntakeConsultation, type IntakeConsultation } from './consultation.server';
import { storeKeyedResponse, type KeyedValues } from './keyed.server';
import { keyedSchema } from './schema';

let db: Db;
let destroy: () => Promise<void>;
let intake: IntakeConsultation;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  const id = await createConsultation(db, {
    sections: [
      {
        key: 's',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['buses', 'trams'], required: true },
          { key: 'many', kind: 'multiple_choice', options: ['parks', 'shops'], otherOption: 'other' },
          { key: 'rank', kind: 'ranking', options: ['a', 'b'] },
          { key: 'stars', kind: 'rating' },
          { key: 'says', kind: 'long_text' },
          { key: 'gone', kind: 'short_text' },
        ],
      },
    ],
  });
  await db.updateTable('questions').set({ hidden: 1, hidden_reason: 'No longer asked' }).where('key', '=', 'gone').execute();
  intake = await loadIntakeConsultation(db, (await findConsultation(db, id))!);
});
afterAll(() => destroy());

const schemaFor = () =>
  keyedSchema(
    intake.def.sections,
    intake.wards.map((w) => w.code),
    '2026-06-01',
  );
const actor = { userId: null, label: 'officer@example.org' };

describe('keying in a response', () => {
  it('needs only a channel and a real, past date; questions are optional and hidden ones are not asked', () => {
    const empty = schemaFor().safeParse({ connections: [], 'q-many': [], 'q-rank': [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['channel', 'intake:chooseChannel'],
      ['submitted_at', 'intake:enterDate'],
    ]);
    const future = schemaFor().safeParse({ channel: 'paper', submitted_at: '2026-06-02', connections: [], 'q-many': [], 'q-rank': [] });
    expect(future.error?.issues.map((i) => i.message)).toEqual(['intake:futureDate']);
    expect(schemaFor().safeParse({ channel: 'online', submitted_at: '2026-05-01', connections: [], 'q-many': [], 'q-rank': [] }).success).toBe(false);
    expect(schemaFor().safeParse({ channel: 'paper', submitted_at: '2026-05-01', 'q-gone': 'x', connections: [], 'q-many': [], 'q-rank': [] }).success).toBe(
      false,
    );
  });

  it('stores the rows the online form stores for the same answers, plus who keyed it in', async () => {
    const answers = {
      'q-pick': 'trams',
      'q-many': ['parks', 'other'],
      'q-many-other': 'Libraries',
      'q-rank': ['b', 'a'],
      'q-stars': '4',
      'q-says': 'Lots',
      age_band: '25_34',
      ward: 'E05000779',
      connections: [],
    };
    const parsed = schemaFor().parse({
      ...answers,
      channel: 'workshop',
      submitted_at: '2026-05-01',
      facilitator: 'Sam',
      group: 'business',
      notes: 'Loud room',
      idempotencyKey: 'k1',
    });
    const keyed = await storeKeyedResponse(db, intake.def, parsed as KeyedValues, actor);
    const online = await submitResponse(db, intake.def, answers, { idempotencyKey: 'k2', locale: 'en', channel: 'online', draftToken: null, now: new Date() });
    const rowsOf = async (reference: string) => {
      const response = await db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('answers')
        .select(['question_id', 'option_id', 'rank', 'value_number', 'value_text'])
        .where('response_id', '=', response.id)
        .orderBy('id')
        .execute();
      return { response, rows };
    };
    const a = await rowsOf(keyed.reference);
    const b = await rowsOf(online.reference);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).toHaveLength(7);
    expect(a.response).toMatchObject({
      channel: 'workshop',
      submitted_at: '2026-05-01T12:00:00.000Z',
      facilitator: 'Sam',
      respondent_group: 'business',
      notes: 'Loud room',
      locale: 'en',
      age_band: '25_34',
      ward_code: 'E05000779',
      import_id: null,
    });
    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'response.create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'officer@example.org', entity_id: String(a.response.id) });
  });

  it('stores a double-sent form once and gives the same reference', async () => {
    const values = schemaFor().parse({
      channel: 'paper',
      submitted_at: '2026-05-02',
      idempotencyKey: 'same',
      connections: [],
      'q-many': [],
      'q-rank': [],
    }) as KeyedValues;
    const [first, second] = await Promise.all([storeKeyedResponse(db, intake.def, values, actor), storeKeyedResponse(db, intake.def, values, actor)]);
    expect(second.reference).toBe(first.reference);
    const stored = await db.selectFrom('responses').select('id').where('idempotency_key', '=', 'same').execute();
    expect(stored).toHaveLength(1);
  });
});
